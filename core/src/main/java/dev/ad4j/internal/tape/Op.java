package dev.ad4j.internal.tape;

/**
 * Operation codes stored per tape statement. They are only used to render traces and
 * graphs: the sweeps never look at them, the partials say everything.
 *
 * <p>The tape stores {@code code | mask << 8} where bit {@code k} of the mask says whether
 * operand {@code k} of the operation was active (recorded as an argument), so a trace can
 * print {@code c - v0} when only the second operand of a subtraction was active.
 */
public final class Op {
    private Op() {
    }

    /** An independent variable. */
    public static final int INPUT = 0;
    public static final int ADD = 1;
    public static final int SUB = 2;
    public static final int MUL = 3;
    public static final int DIV = 4;
    public static final int REM = 5;
    public static final int NEG = 6;
    public static final int SIN = 7;
    public static final int COS = 8;
    public static final int TAN = 9;
    public static final int ASIN = 10;
    public static final int ACOS = 11;
    public static final int ATAN = 12;
    public static final int ATAN2 = 13;
    public static final int SINH = 14;
    public static final int COSH = 15;
    public static final int TANH = 16;
    public static final int EXP = 17;
    public static final int EXPM1 = 18;
    public static final int LOG = 19;
    public static final int LOG10 = 20;
    public static final int LOG1P = 21;
    public static final int SQRT = 22;
    public static final int CBRT = 23;
    public static final int POW = 24;
    public static final int HYPOT = 25;
    public static final int ABS = 26;
    public static final int MIN = 27;
    public static final int MAX = 28;
    public static final int COPYSIGN = 29;
    public static final int TORADIANS = 30;
    public static final int TODEGREES = 31;
    public static final int FMA = 32;
    public static final int SCALB = 33;
    public static final int IEEEREMAINDER = 34;
    public static final int NEXTUP = 35;
    public static final int NEXTDOWN = 36;
    public static final int NEXTAFTER = 37;
    public static final int CLAMP = 38;
    /** A statement recorded by a user-declared derivative rule or a library utility. */
    public static final int CUSTOM = 39;
    /** Several operations folded into one statement (expression-level recording). */
    public static final int EXPR = 40;
    /** An output of a checkpointed loop or recompute region (derivatives by callback). */
    public static final int EXTERNAL = 41;
    /** Inverse hyperbolic functions and the two-argument logarithm of fast-math libraries. */
    public static final int ASINH = 42;
    public static final int ACOSH = 43;
    public static final int ATANH = 44;
    public static final int LOGB = 45;

    private static final String[] SYMBOLS = {
        "input", "+", "-", "*", "/", "%", "neg", "sin", "cos", "tan", "asin", "acos", "atan",
        "atan2", "sinh", "cosh", "tanh", "exp", "expm1", "ln", "log10", "log1p", "sqrt", "cbrt",
        "pow", "hypot", "abs", "min", "max", "copySign", "toRadians", "toDegrees", "fma",
        "scalb", "IEEEremainder", "nextUp", "nextDown", "nextAfter", "clamp", "custom", "expr", "external",
        "asinh", "acosh", "atanh", "log_b",
    };

    /** Number of defined codes. */
    public static final int COUNT = SYMBOLS.length;

    /** Symbol of an op code ({@code "+"}, {@code "ln"}, {@code "sin"}, ...); the mask bits are ignored. */
    public static String symbol(int code) {
        int c = code & 0xff;
        return c < SYMBOLS.length ? SYMBOLS[c] : "op" + c;
    }

    /** Whether the op is written between its two operands ({@code + - * / %}). */
    public static boolean isInfix(int code) {
        int c = code & 0xff;
        return c >= ADD && c <= REM;
    }

    /**
     * Operands of the op as written in a trace ({@code u * c} has two though only {@code u} is
     * recorded), or 0 where only the recorded arguments say ({@link #CUSTOM}, {@link #EXPR}).
     */
    public static int arity(int code) {
        switch (code & 0xff) {
            case ADD: case SUB: case MUL: case DIV: case REM: case ATAN2: case POW: case HYPOT: case MIN: case MAX:
            case COPYSIGN: case IEEEREMAINDER: case NEXTAFTER: case LOGB:
                return 2;
            case FMA: case CLAMP:
                return 3;
            case INPUT: case CUSTOM: case EXPR: case EXTERNAL:
                return 0;
            default:
                return 1;
        }
    }

    /** The op code without the active-operand mask. */
    public static int code(int stored) {
        return stored & 0xff;
    }

    /** The active-operand mask of a stored op. */
    public static int mask(int stored) {
        return (stored >>> 8) & 0xff;
    }
}
