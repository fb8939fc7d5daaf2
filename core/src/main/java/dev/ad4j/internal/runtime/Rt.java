package dev.ad4j.internal.runtime;

import dev.ad4j.internal.tape.AlwaysInline;
import dev.ad4j.internal.tape.Op;
import dev.ad4j.internal.tape.Tape;
import java.util.Arrays;

/**
 * The stable contract that rewritten bytecode calls. Names and descriptors of these methods
 * are fixed: the agent emits calls to them. Every method accepts {@code t == null} (the
 * thread is not recording) and then returns 0 or does nothing.
 *
 * <h2>Shadow model</h2>
 * Every {@code double} value of instrumented code carries an {@code int} index: 0 is passive,
 * otherwise it names a tape statement ({@code base + position}). Indices read from the heap or
 * registers are validated with {@link #check}: in range of the current recording <em>and</em>
 * the statement's primal has the same raw bits as the value, else 0. A stale or misattributed
 * index therefore degrades to "passive", never to a wrong derivative of another value.
 *
 * <h2>Method prologue, calls, returns</h2>
 * <pre>{@code
 * Tape t = Rt.enter();                       // null when this thread is not recording
 * int ix = Rt.param(t, x, 0, 2);             // j-th of n double params, tail-aligned registers
 * int iy = Rt.param(t, y, 1, 2);
 * Rt.endParams(t);
 * double r = x * y; int ir = Rt.dmul(t, ix, iy, x, y, r);
 * Rt.args(t, 1); Rt.arg(t, 0, ir, r);        // before a call with one double argument
 * double s = g(r); int is = Rt.result(t, s); // after it (afterCall(t) if it returns no double)
 * Rt.ret(t, is, s); return s;
 * }</pre>
 *
 * <h2>Arithmetic and Math rules</h2>
 * The primal is always computed by the original instruction or JDK method; helpers receive the
 * operands and the result and return the result's index. The all-passive test comes first and
 * partials are computed only on the active path. One helper serves {@code Math} and
 * {@code StrictMath}: same name, descriptor {@code (Tape, one int index per double parameter,
 * the original parameters, double result)int}. Conventions where a function is not
 * differentiable (they follow JAX):
 * <ul>
 * <li>{@code abs'(0) = 0} (derivative {@code signum(x)}).
 * <li>{@code min}/{@code max} ties (including {@code -0.0} vs {@code 0.0}) give 0.5 to each
 *     operand; a NaN operand takes the whole derivative. {@code clamp(v, lo, hi)} is
 *     {@code min(max(v, lo), hi)} with these rules.
 * <li>{@code sqrt'(0) = cbrt'(0) = +Infinity}; {@code asin'}/{@code acos'} at ±1 are ±Infinity.
 * <li>{@code floor, ceil, rint, signum, ulp}: derivative 0, the result is passive (index 0).
 * <li>{@code copySign(a, b)}: ∂/∂a = ±1 (+1 when a and b have the same sign bit),
 *     ∂/∂b = 0; a result depending only on b is passive.
 * <li>{@code pow(a, b)}: ∂/∂a = b·a^(b-1), defined 0 when b == 0; ∂/∂b = r·ln(a), defined 0
 *     when a == 0 and NaN when a &lt; 0. A partial for a passive operand is never computed.
 * <li>{@code atan2} and {@code hypot} at (0, 0): both partials 0.
 * <li>{@code %} and {@code IEEEremainder}: ∂/∂a = 1, ∂/∂b = -q where q is the integer quotient
 *     the operation used (truncated, resp. nearest-even), recovered as {@code (a - r) / b}.
 * <li>{@code nextUp, nextDown, nextAfter(a, d)}: ∂/∂a = 1, ∂/∂d = 0.
 *     {@code scalb(a, n)}: ∂/∂a = 2^n. {@code fma(a, b, c)}: (b, a, 1).
 * <li>Conversions ({@code D2I, D2L, D2F}), comparisons and bit tricks are passive by definition.
 * </ul>
 *
 * <h2>Arrays</h2>
 * A {@code double[]} has a shadow {@code int[]} of indices held by the tape (identity-keyed,
 * dropped when the recording ends); {@link #daload}, {@link #dastore}, {@link #arraycopy},
 * {@link #copyOf}, {@link #fill} and {@link #sort} keep it in step with the array.
 */
public final class Rt {
    private Rt() {
    }

    /** Last tape returned by the slow path; racy reads are fine, its owner field is final. */
    private static Tape cached;

    // ------------------------------------------------------------------ prologue and registers

    /**
     * The current thread's tape if it is recording, else null; counts the entry into
     * instrumented code. When no thread records this costs one static field read.
     */
    public static Tape enter() {
        Tape t = recordingTape();
        if (t != null) {
            t.countEntry();
        }
        return t;
    }

    /**
     * Whether this thread records: a rewritten method asks this first and runs its original
     * instructions when not. Counts nothing; the rewritten body's {@link #enter()} does.
     */
    public static boolean recording() {
        return recordingTape() != null;
    }

    /** The current thread's tape if it is recording, else null. */
    private static Tape recordingTape() {
        if (!Tape.anyRecording()) {
            return null;
        }
        Tape c = cached;
        if (c != null && c.owner == Thread.currentThread() && c.isRecording()) {
            return c;
        }
        return lookup();
    }

    private static Tape lookup() {
        Tape t = Tape.currentOrNull();
        if (t == null || !t.isRecording()) {
            return null;
        }
        cached = t;
        return t;
    }

    /** {@code idx} if it is a statement of the current recording whose primal has the raw bits of {@code v}; else 0. */
    @AlwaysInline
    public static int check(Tape t, int idx, double v) {
        if (idx == 0 || t == null) {
            return 0;
        }
        return t.check(idx, v);
    }

    /** Begins a call with {@code n} double arguments. */
    public static void args(Tape t, int n) {
        if (t != null) {
            t.args(n);
        }
    }

    /** Sets argument register {@code j} (0-based among the double arguments) to ({@code idx}, {@code v}). */
    public static void arg(Tape t, int j, int idx, double v) {
        if (t != null) {
            t.arg(j, idx, v);
        }
    }

    /**
     * Callee: index of the {@code j}-th of its {@code n} double parameters, whose value is
     * {@code v}. Registers are tail-aligned (parameter j pairs with register
     * {@code j + argCount - n}); the register's value bits must equal {@code v}.
     */
    public static int param(Tape t, double v, int j, int n) {
        if (t == null) {
            return 0;
        }
        return t.param(v, j, n);
    }

    /** Callee: end of the prologue; clears the argument registers. */
    public static void endParams(Tape t) {
        if (t != null) {
            t.endParams();
        }
    }

    /** Callee: sets the return register before returning {@code v}. */
    public static void ret(Tape t, int idx, double v) {
        if (t != null) {
            t.ret(idx, v);
        }
    }

    /** Caller, after a call that returned {@code v}: the returned index (validated); clears all registers. */
    public static int result(Tape t, double v) {
        if (t == null) {
            return 0;
        }
        return t.result(v);
    }

    /** Caller, after a recording body it entered directly returned a double: the returned index. */
    public static int bodyResult(Tape t) {
        return t == null ? 0 : t.takeReturn();
    }

    /** Caller, after a call with double arguments that returns no double: clears all registers. */
    public static void afterCall(Tape t) {
        if (t != null) {
            t.clearRegisters();
        }
    }

    // ------------------------------------------------------------------ arithmetic instructions

    /** DADD. */
    public static int dadd(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0 || t == null) {
            return 0;
        }
        return t.rec2(Op.ADD, ia, 1.0, ib, 1.0, r);
    }

    /** DSUB. */
    public static int dsub(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0 || t == null) {
            return 0;
        }
        return t.rec2(Op.SUB, ia, 1.0, ib, -1.0, r);
    }

    /** DMUL. */
    public static int dmul(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return t.rec2h(Op.MUL, ia, b, ib, a, 0, 1, 0, r);
        }
        return t.rec2(Op.MUL, ia, b, ib, a, r);
    }

    /** DDIV: ∂/∂a = 1/b, ∂/∂b = -r/b. */
    public static int ddiv(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.ddiv(t, ia, ib, a, b, r);
        }
        return t.rec2(Op.DIV, ia, 1.0 / b, ib, ib == 0 ? 0 : -r / b, r);
    }

    /** DREM (truncated fmod): ∂/∂a = 1, ∂/∂b = -trunc quotient. */
    public static int drem(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.drem(t, Op.REM, ia, ib, a, b, r);
    }

    /** DNEG. */
    public static int dneg(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.NEG, ia, -1.0, r);
    }

    // ------------------------------------------------------------------ expression statements

    /*
     * The rewriter keeps, at compile time, each arithmetic expression on the operand stack as a
     * linear form: the indices of its leaves (loads, call results, elementary functions) and, in
     * double locals, the partial of the expression by each leaf, updated inline by every
     * + - * / and negation. Where the value is stored, passed or compared, the form becomes one
     * tape statement through exprN: one call per store instead of one per operation (CoDiPack's
     * expression templates, done by the rewriter). In an elementary recording (second order,
     * traces) the x-helpers below have recorded every operation instead, and exprN returns the
     * index they produced (e).
     */

    /** One statement {@code r = c0 x0 + ...} over the form's leaves (passive leaves skipped); 0 if all are passive. {@code e} is the index the x-helpers gave the value in an elementary recording. */
    @AlwaysInline(perClass = true)
    public static int expr1(Tape t, int e, int i0, double c0, double r) {
        return acc1(t, e, 0, i0, c0, r);
    }

    /** {@link #expr1} with 2 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr2(Tape t, int e, int i0, double c0, int i1, double c1, double r) {
        return acc2(t, e, 0, i0, c0, i1, c1, r);
    }

    /** {@link #expr1} with 3 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr3(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, double r) {
        return acc3(t, e, 0, i0, c0, i1, c1, i2, c2, r);
    }

    /** {@link #expr1} with 4 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr4(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, double r) {
        return acc4(t, e, 0, i0, c0, i1, c1, i2, c2, i3, c3, r);
    }

    /** {@link #expr1} with 5 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr5(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, double r) {
        return acc5(t, e, 0, i0, c0, i1, c1, i2, c2, i3, c3, i4, c4, r);
    }

    /** {@link #expr1} with 6 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr6(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, double r) {
        return acc6(t, e, 0, i0, c0, i1, c1, i2, c2, i3, c3, i4, c4, i5, c5, r);
    }

    /** {@link #expr1} with 7 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr7(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, int i6, double c6, double r) {
        return acc7(t, e, 0, i0, c0, i1, c1, i2, c2, i3, c3, i4, c4, i5, c5, i6, c6, r);
    }

    /** {@link #expr1} with 8 leaves. */
    @AlwaysInline(perClass = true)
    public static int expr8(Tape t, int e, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, int i6, double c6, int i7, double c7, double r) {
        return acc8(t, e, 0, i0, c0, i1, c1, i2, c2, i3, c3, i4, c4, i5, c5, i6, c6, i7, c7, r);
    }

    /** {@code s = s + ...} into a local that owns its statement ({@code own}, the index its last store created, 0 if the value may be held elsewhere): when leaf 0 is that statement with partial 1 and it is still the newest, the other leaves are appended to it instead of opening a statement; otherwise as {@link #expr1}. */
    @AlwaysInline(perClass = true)
    public static int acc1(Tape t, int e, int own, int i0, double c0, double r) {
        if (t == null || (i0) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && t.appendable(own);
        if (append) {
            t.reopen(1);
            i0 = 0;
        } else {
            t.reserve(1);
        }
        t.term(i0, c0);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 2 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc2(Tape t, int e, int own, int i0, double c0, int i1, double c1, double r) {
        if (t == null || (i0 | i1) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && t.appendable(own);
        if (append) {
            t.reopen(2);
            i0 = 0;
        } else {
            t.reserve(2);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 3 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc3(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, double r) {
        if (t == null || (i0 | i1 | i2) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && t.appendable(own);
        if (append) {
            t.reopen(3);
            i0 = 0;
        } else {
            t.reserve(3);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 4 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc4(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, double r) {
        if (t == null || (i0 | i1 | i2 | i3) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && i3 != own && t.appendable(own);
        if (append) {
            t.reopen(4);
            i0 = 0;
        } else {
            t.reserve(4);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        t.term(i3, c3);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 5 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc5(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, double r) {
        if (t == null || (i0 | i1 | i2 | i3 | i4) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && i3 != own && i4 != own && t.appendable(own);
        if (append) {
            t.reopen(5);
            i0 = 0;
        } else {
            t.reserve(5);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        t.term(i3, c3);
        t.term(i4, c4);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 6 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc6(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, double r) {
        if (t == null || (i0 | i1 | i2 | i3 | i4 | i5) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && i3 != own && i4 != own && i5 != own && t.appendable(own);
        if (append) {
            t.reopen(6);
            i0 = 0;
        } else {
            t.reserve(6);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        t.term(i3, c3);
        t.term(i4, c4);
        t.term(i5, c5);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 7 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc7(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, int i6, double c6, double r) {
        if (t == null || (i0 | i1 | i2 | i3 | i4 | i5 | i6) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && i3 != own && i4 != own && i5 != own && i6 != own && t.appendable(own);
        if (append) {
            t.reopen(7);
            i0 = 0;
        } else {
            t.reserve(7);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        t.term(i3, c3);
        t.term(i4, c4);
        t.term(i5, c5);
        t.term(i6, c6);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** {@link #acc1} with 8 leaves. */
    @AlwaysInline(perClass = true)
    public static int acc8(Tape t, int e, int own, int i0, double c0, int i1, double c1, int i2, double c2, int i3, double c3, int i4, double c4, int i5, double c5, int i6, double c6, int i7, double c7, double r) {
        if (t == null || (i0 | i1 | i2 | i3 | i4 | i5 | i6 | i7) == 0) {
            return 0;
        }
        if (t.elementary()) {
            return e;
        }
        // One path for both cases keeps the compiled helper small enough to be inlined.
        boolean append = own != 0 && i0 == own && c0 == 1.0 && i1 != own && i2 != own && i3 != own && i4 != own && i5 != own && i6 != own && i7 != own && t.appendable(own);
        if (append) {
            t.reopen(8);
            i0 = 0;
        } else {
            t.reserve(8);
        }
        t.term(i0, c0);
        t.term(i1, c1);
        t.term(i2, c2);
        t.term(i3, c3);
        t.term(i4, c4);
        t.term(i5, c5);
        t.term(i6, c6);
        t.term(i7, c7);
        return append ? t.closeAppend(r) : t.closeExpr(r);
    }

    /** DADD inside an expression: recorded only in an elementary recording (see {@link #expr1}). */
    @AlwaysInline
    public static int xadd(Tape t, int ia, int ib, double a, double b, double r) {
        return t != null && t.elementary() ? dadd(t, ia, ib, a, b, r) : 0;
    }

    /** DSUB inside an expression: recorded only in an elementary recording (see {@link #expr1}). */
    @AlwaysInline
    public static int xsub(Tape t, int ia, int ib, double a, double b, double r) {
        return t != null && t.elementary() ? dsub(t, ia, ib, a, b, r) : 0;
    }

    /** DMUL inside an expression: recorded only in an elementary recording (see {@link #expr1}). */
    @AlwaysInline
    public static int xmul(Tape t, int ia, int ib, double a, double b, double r) {
        return t != null && t.elementary() ? dmul(t, ia, ib, a, b, r) : 0;
    }

    /** DDIV inside an expression: recorded only in an elementary recording (see {@link #expr1}). */
    @AlwaysInline
    public static int xdiv(Tape t, int ia, int ib, double a, double b, double r) {
        return t != null && t.elementary() ? ddiv(t, ia, ib, a, b, r) : 0;
    }

    /** DNEG inside an expression: recorded only in an elementary recording (see {@link #expr1}). */
    @AlwaysInline
    public static int xneg(Tape t, int ia, double a, double r) {
        return t != null && t.elementary() ? dneg(t, ia, a, r) : 0;
    }

    // ------------------------------------------------------------------ Math / StrictMath rules

    /** Math.sin. */
    public static int sin(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, Op.SIN, ia, a, r);
        }
        return t.rec1(Op.SIN, ia, Math.cos(a), r);
    }

    /** Math.cos. */
    public static int cos(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, Op.COS, ia, a, r);
        }
        return t.rec1(Op.COS, ia, -Math.sin(a), r);
    }

    /** Math.tan: 1 + r². */
    public static int tan(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.TAN, ia, a, r);
    }

    /** Math.asin: 1/sqrt(1 - a²). */
    public static int asin(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.ASIN, ia, a, r);
    }

    /** Math.acos: -1/sqrt(1 - a²). */
    public static int acos(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.ACOS, ia, a, r);
    }

    /** Math.atan: 1/(1 + a²). */
    public static int atan(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.ATAN, ia, a, r);
    }

    /** Math.atan2(y, x): (x, -y)/(x² + y²); 0 at the origin. */
    public static int atan2(Tape t, int iy, int ix, double y, double x, double r) {
        if ((iy | ix) == 0) {
            return 0;
        }
        return Rules.atan2(t, iy, ix, y, x, r);
    }

    /** Math.sinh: cosh a. */
    public static int sinh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.SINH, ia, a, r);
    }

    /** Math.cosh: sinh a. */
    public static int cosh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.COSH, ia, a, r);
    }

    /** Math.tanh: 1 - r². */
    public static int tanh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.TANH, ia, a, r);
    }

    /** Math.exp: r. */
    public static int exp(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, Op.EXP, ia, a, r);
        }
        return t.rec1(Op.EXP, ia, r, r);
    }

    /** Math.expm1: r + 1. */
    public static int expm1(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, Op.EXPM1, ia, a, r);
        }
        return t.rec1(Op.EXPM1, ia, r + 1, r);
    }

    /** Math.log: 1/a. */
    public static int log(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, Op.LOG, ia, a, r);
        }
        return t.rec1(Op.LOG, ia, 1 / a, r);
    }

    /** Math.log10: 1/(a ln 10). */
    public static int log10(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.LOG10, ia, a, r);
    }

    /** Math.log1p: 1/(1 + a). */
    public static int log1p(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.LOG1P, ia, a, r);
    }

    /** Math.sqrt: 1/(2r); +Infinity at 0. */
    public static int sqrt(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.SQRT, ia, a, r);
    }

    /** Math.cbrt: 1/(3r²); +Infinity at 0. */
    public static int cbrt(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.CBRT, ia, a, r);
    }

    /** Math.pow(a, b): see the class comment for the conventions at a == 0, b == 0, a &lt; 0. */
    public static int pow(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.pow(t, ia, ib, a, b, r);
    }

    /** Math.hypot: (a, b)/r; 0 at the origin. */
    public static int hypot(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.hypot(t, ia, ib, a, b, r);
    }

    /** Math.abs: signum(a), so abs'(0) = 0. */
    public static int abs(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : Rules.unary(t, Op.ABS, ia, a, r);
    }

    /** Math.min: ties split 0.5/0.5. */
    public static int min(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.minMax(t, Op.MIN, ia, ib, a, b, r);
    }

    /** Math.max: ties split 0.5/0.5. */
    public static int max(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.minMax(t, Op.MAX, ia, ib, a, b, r);
    }

    /** Math.clamp(v, lo, hi) (JDK 21+): min(max(v, lo), hi) with the min/max conventions. */
    public static int clamp(Tape t, int iv, int ilo, int ihi, double v, double lo, double hi, double r) {
        if ((iv | ilo | ihi) == 0) {
            return 0;
        }
        return Rules.clamp(t, iv, ilo, ihi, v, lo, hi, r);
    }

    /** Math.floor: derivative 0, passive result. */
    public static int floor(Tape t, int ia, double a, double r) {
        return 0;
    }

    /** Math.ceil: derivative 0, passive result. */
    public static int ceil(Tape t, int ia, double a, double r) {
        return 0;
    }

    /** Math.rint: derivative 0, passive result. */
    public static int rint(Tape t, int ia, double a, double r) {
        return 0;
    }

    /** Math.signum: derivative 0, passive result. */
    public static int signum(Tape t, int ia, double a, double r) {
        return 0;
    }

    /** Math.ulp: derivative 0, passive result. */
    public static int ulp(Tape t, int ia, double a, double r) {
        return 0;
    }

    /** Math.copySign(a, b): ∂/∂a = ±1, ∂/∂b = 0. */
    public static int copySign(Tape t, int ia, int ib, double a, double b, double r) {
        if (ia == 0) {
            return 0;
        }
        return Rules.copySign(t, ia, a, b, r);
    }

    /** Math.toRadians: π/180. */
    public static int toRadians(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.TORADIANS, ia, 0.017453292519943295, r);
    }

    /** Math.toDegrees: 180/π. */
    public static int toDegrees(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.TODEGREES, ia, 57.29577951308232, r);
    }

    /** Math.fma(a, b, c): (b, a, 1). */
    public static int fma(Tape t, int ia, int ib, int ic, double a, double b, double c, double r) {
        if ((ia | ib | ic) == 0 || t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return t.rec3h(Op.FMA, ia, b, ib, a, ic, 1.0, 1, 0, 0, r);
        }
        return t.rec3(Op.FMA, ia, b, ib, a, ic, 1.0, r);
    }

    /** Math.scalb(a, n): 2^n (n is an int, passive). */
    public static int scalb(Tape t, int ia, double a, int n, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.SCALB, ia, Math.scalb(1.0, n), r);
    }

    /** Math.IEEEremainder(a, b): ∂/∂a = 1, ∂/∂b = -(nearest-even quotient). */
    public static int IEEEremainder(Tape t, int ia, int ib, double a, double b, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        return Rules.drem(t, Op.IEEEREMAINDER, ia, ib, a, b, r);
    }

    /** Math.nextUp: 1. */
    public static int nextUp(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.NEXTUP, ia, 1.0, r);
    }

    /** Math.nextDown: 1. */
    public static int nextDown(Tape t, int ia, double a, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.NEXTDOWN, ia, 1.0, r);
    }

    /** Math.nextAfter(a, direction): ∂/∂a = 1, ∂/∂direction = 0. */
    public static int nextAfter(Tape t, int ia, int id, double a, double direction, double r) {
        if (ia == 0 || t == null) {
            return 0;
        }
        return t.rec1(Op.NEXTAFTER, ia, 1.0, r);
    }

    // ------------------------------------------------------------------ arrays

    /** DALOAD: index of {@code a[i]} whose value is {@code v}, validated. */
    public static int daload(Tape t, double[] a, int i, double v) {
        return t == null ? 0 : daloadAt(t, t.shadow(a), i, v);
    }

    /** DASTORE: sets the shadow of {@code a[i]}; creates a shadow only for an active index. */
    public static void dastore(Tape t, double[] a, int i, int idx) {
        if (t == null) {
            return;
        }
        if (idx == 0) {
            int[] s = t.shadow(a);
            if (s != null) {
                s[i] = 0;
            }
        } else {
            t.shadowForWrite(a)[i] = idx;
        }
    }

    /**
     * The shadow of {@code a} for a DALOAD or DASTORE that remembers its last array
     * ({@code key}), that array's shadow ({@code cached}) and the {@link #shadowEpoch} it was
     * found at: {@code cached} if all still hold, else the tape's answer. Rewritten code calls a
     * copy of this test per site (the agent's SiteGuards), this one where it cannot.
     */
    public static int[] shadowAt(Tape t, double[] a, Object key, int[] cached, int epoch) {
        if (t == null) {
            return null;
        }
        return a == key && epoch == t.shadowEpoch() ? cached : t.shadow(a);
    }

    /** The shadow of {@code a} (null if none, or not recording), looked up to prime a {@link #shadowAt} cache. */
    public static int[] primeShadow(Tape t, double[] a) {
        return t == null || a == null ? null : t.shadow(a);
    }

    /** The tape's shadow epoch (0 when not recording), remembered with a shadow by {@link #shadowAt}. */
    @AlwaysInline
    public static int shadowEpoch(Tape t) {
        return t == null ? 0 : t.shadowEpoch();
    }

    /** DALOAD of an element whose array's shadow {@code s} was found by {@link #shadowAt}. */
    @AlwaysInline
    public static int daloadAt(Tape t, int[] s, int i, double v) {
        if (s == null) {
            return 0;
        }
        int idx = s[i];
        return idx == 0 ? 0 : t.readElement(idx, v);
    }

    /**
     * {@link #daload} for the load of a compound assignment {@code a[i] += ...}: the value goes
     * only into the sum stored back to the element, so the element keeps its statement to itself
     * ({@link Tape#ownElement}) and the sum may be appended to it.
     */
    public static int daloadOwn(Tape t, double[] a, int i, double v) {
        return t == null ? 0 : daloadOwnAt(t, t.shadow(a), i, v);
    }

    /** {@link #daloadOwn} with the shadow found by {@link #shadowAt}. */
    @AlwaysInline
    public static int daloadOwnAt(Tape t, int[] s, int i, double v) {
        if (s == null) {
            return 0;
        }
        int idx = s[i];
        return idx == 0 ? 0 : t.check(idx, v);
    }

    /** The statement only one array element holds, or 0: the owner a compound assignment passes to {@code accN}. */
    @AlwaysInline
    public static int elementOwned(Tape t) {
        return t == null ? 0 : t.elementOwned();
    }

    /** After a store of an expression recorded right there into an array element: the element alone holds it. */
    @AlwaysInline
    public static void ownElement(Tape t, int idx) {
        if (t != null) {
            t.ownElement(idx);
        }
    }

    /**
     * Whether a DASTORE may write its index straight into the shadow {@code s} found by
     * {@link #shadowAt}: it has one, outside a local region. Else {@link #dastoreAt} does the rest.
     */
    @AlwaysInline
    public static boolean storesInPlace(Tape t, int[] s) {
        return s != null && t.writesInPlace();
    }

    /** DASTORE into {@code a}, whose shadow {@code s} was found by {@link #shadowAt}. */
    public static void dastoreAt(Tape t, double[] a, int[] s, int i, int idx) {
        if (storesInPlace(t, s)) {
            s[i] = idx;
        } else if (s != null || idx != 0) {
            dastore(t, a, i, idx); // a shadow to create, or to copy inside a local region
        }
        // else: a passive value into an array without a shadow, which shadowAt just looked up
    }

    /** The shadow of {@code a} (null when it has none or the thread is not recording). Do not keep it. */
    public static int[] shadow(Tape t, double[] a) {
        if (t == null || a == null) {
            return null;
        }
        t.disownElements(); // the caller reads the indices
        return t.shadow(a);
    }

    /** After {@code System.arraycopy(src, srcPos, dest, destPos, len)} succeeded: copies shadows of double arrays. */
    public static void arraycopy(Tape t, Object src, int srcPos, Object dest, int destPos, int len) {
        if (t == null || !(src instanceof double[]) || !(dest instanceof double[]) || len <= 0) {
            return;
        }
        int[] ss = t.shadow(src);
        t.disownElements();
        if (ss == null) {
            int[] ds = t.shadow(dest);
            if (ds != null) {
                Arrays.fill(ds, destPos, destPos + len, 0);
            }
            return;
        }
        System.arraycopy(ss, srcPos, t.shadowForWrite((double[]) dest), destPos, len);
    }

    /**
     * After {@code copy = src.clone()}, {@code Arrays.copyOf(src, n)} or
     * {@code Arrays.copyOfRange(src, from, to)}: gives {@code copy} the shadow of
     * {@code src[from ..]} (pass {@code from = 0} for clone and copyOf).
     */
    public static void copyOf(Tape t, double[] src, int from, double[] copy) {
        if (t == null || src == null || copy == null) {
            return;
        }
        int[] ss = t.shadow(src);
        if (ss == null) {
            return;
        }
        t.disownElements();
        int n = Math.min(copy.length, src.length - from);
        if (n > 0) {
            System.arraycopy(ss, from, t.shadowForWrite(copy), 0, n);
        }
    }

    /** After {@code Arrays.fill(a, from, to, v)} where v has index {@code idx}. */
    public static void fill(Tape t, double[] a, int from, int to, int idx) {
        if (t == null || to <= from) {
            return;
        }
        int[] s = idx == 0 ? t.shadow(a) : t.shadowForWrite(a);
        if (s != null) {
            Arrays.fill(s, from, to, idx);
        }
    }

    /**
     * Replaces {@code Arrays.sort(a, from, to)}: sorts the array (same order as
     * {@code Arrays.sort}) and permutes its shadow with it.
     */
    public static void sort(Tape t, double[] a, int from, int to) {
        int[] s = t == null ? null : t.shadow(a);
        if (s == null) {
            Arrays.sort(a, from, to);
            return;
        }
        int n = to - from;
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = from + k;
        }
        double[] v = Arrays.copyOfRange(a, from, to);
        int[] sv = Arrays.copyOfRange(s, from, to);
        Arrays.sort(order, (x, y) -> Double.compare(v[x - from], v[y - from]));
        for (int k = 0; k < n; k++) {
            a[from + k] = v[order[k] - from];
            s[from + k] = sv[order[k] - from];
        }
    }

    /** Replaces {@code Arrays.sort(a)}. */
    public static void sort(Tape t, double[] a) {
        sort(t, a, 0, a.length);
    }

    // ------------------------------------------------------------------ boxes and captures

    /**
     * After {@code Double.valueOf(v)}: remembers the index of {@code v} for the box, so that a
     * {@code List<Double>} carries derivatives through the JDK's collections.
     */
    public static void box(Tape t, Object box, int idx) {
        if (t != null && idx != 0 && box != null) {
            t.setBoxIndex(box, idx);
        }
    }

    /** After {@code box.doubleValue()}: the index remembered for the box, checked against {@code v}. */
    public static int unbox(Tape t, Object box, double v) {
        if (t == null || box == null) {
            return 0;
        }
        int idx = t.boxIndex(box);
        return idx == 0 ? t.forwarded(v) : t.check(idx, v);
    }

    /**
     * Identity on the value. Lambda bridges generated by the rewriter pass a captured double with
     * its captured index through this call; the rewriter replaces the call by
     * {@link #check(Tape, int, double)} on the index, so it never runs in rewritten code.
     */
    public static double attach(double v, int idx) {
        return v;
    }

    // ------------------------------------------------------------------ diagnostics (diagnostics=true only)

    /**
     * After a call with double arguments: if an active argument was not taken by an instrumented
     * callee, its derivative is lost in code that is not instrumented; reports the call site.
     */
    public static void lostArgs(Tape t, int site) {
        if (t != null && t.pendingActiveArgs()) {
            dev.ad4j.Diagnostics.report(site);
        }
    }

    /** Where an active value leaves differentiable code (a conversion, a field of a class that is not rewritten). */
    public static void lost(Tape t, int idx, int site) {
        if (t != null && idx != 0) {
            dev.ad4j.Diagnostics.report(site);
        }
    }

    /** After passing {@code a} to code that is not rewritten: reports it if it holds active elements. */
    public static void lostArray(Tape t, double[] a, int site) {
        if (t == null || a == null) {
            return;
        }
        int[] s = t.shadow(a);
        if (s != null) {
            for (int idx : s) {
                if (idx != 0) {
                    dev.ad4j.Diagnostics.report(site);
                    return;
                }
            }
        }
    }

    // ------------------------------------------------------------------ fast-math library functions
    // Functions that commons-math3's, Hipparchus' and Jafama's FastMath have beyond java.lang.Math.
    // The agent maps calls to those libraries onto these helpers (and onto the Math helpers above)
    // so that their table lookups and bit tricks are never traced.

    /** asinh: 1/sqrt(a² + 1). */
    public static int asinh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : t.secondOrder() ? SecondOrder.unary(t, Op.ASINH, ia, a, r) : t.rec1(Op.ASINH, ia, 1 / Math.sqrt(a * a + 1), r);
    }

    /** acosh: 1/sqrt(a² - 1); +Infinity at 1. */
    public static int acosh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : t.secondOrder() ? SecondOrder.unary(t, Op.ACOSH, ia, a, r) : t.rec1(Op.ACOSH, ia, 1 / Math.sqrt(a * a - 1), r);
    }

    /** atanh: 1/(1 - a²). */
    public static int atanh(Tape t, int ia, double a, double r) {
        return ia == 0 ? 0 : t.secondOrder() ? SecondOrder.unary(t, Op.ATANH, ia, a, r) : t.rec1(Op.ATANH, ia, 1 / (1 - a * a), r);
    }

    /** pow(a, n) with an int exponent: n a^(n-1); 0 for n == 0. */
    public static int pow(Tape t, int ia, double a, int n, double r) {
        return ia == 0 ? 0 : t.secondOrder() ? SecondOrder.pow(t, ia, a, n, r)
                : t.rec1(Op.POW, ia, n == 0 ? 0 : n * Math.pow(a, n - 1), r);
    }

    /** pow(a, n) with a long exponent: n a^(n-1); 0 for n == 0. */
    public static int pow(Tape t, int ia, double a, long n, double r) {
        return ia == 0 ? 0 : t.secondOrder() ? SecondOrder.pow(t, ia, a, n, r)
                : t.rec1(Op.POW, ia, n == 0 ? 0 : n * Math.pow(a, n - 1), r);
    }

    /** log(base, x) = ln x / ln base: (-r/(base ln base), 1/(x ln base)). */
    public static int log(Tape t, int ib, int ix, double base, double x, double r) {
        if ((ib | ix) == 0) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.logb(t, ib, ix, base, x, r);
        }
        double lnBase = Math.log(base);
        return t.rec2(Op.LOGB, ib, ib == 0 ? 0 : -r / (base * lnBase), ix, ix == 0 ? 0 : 1 / (x * lnBase), r);
    }

    // ------------------------------------------------------------------ user-declared derivative rules

    /** A call to a method with a one-argument {@link dev.ad4j.DerivativeRules rule}. */
    public static int rule1(Tape t, int ia, double a, double r, int rule) {
        return ia == 0 ? 0 : Rules.custom(t, rule, new int[] {ia}, new double[] {a}, r);
    }

    /** A call to a method with a two-argument rule. */
    public static int rule2(Tape t, int ia, int ib, double a, double b, double r, int rule) {
        return (ia | ib) == 0 ? 0 : Rules.custom(t, rule, new int[] {ia, ib}, new double[] {a, b}, r);
    }

    /** A call to a method with a three-argument rule. */
    public static int rule3(Tape t, int ia, int ib, int ic, double a, double b, double c, double r, int rule) {
        return (ia | ib | ic) == 0 ? 0 : Rules.custom(t, rule, new int[] {ia, ib, ic}, new double[] {a, b, c}, r);
    }

    // ------------------------------------------------------------------ static initializers

    /** On entry to a rewritten static initializer: the caller's pending registers, or null. */
    public static Object saveRegisters(Tape t) {
        return t == null ? null : t.saveRegisters();
    }

    /** On exit from a rewritten static initializer: puts the caller's registers back. */
    public static void restoreRegisters(Tape t, Object saved) {
        if (t != null && saved != null) {
            t.restoreRegisters(saved);
        }
    }

    /**
     * DRETURN under diagnostics: like {@link #ret}, and an earlier active return that no
     * instrumented caller took is reported at its place.
     */
    public static void retWatched(Tape t, int idx, double v, int site) {
        if (t != null) {
            t.retWatched(idx, v, site);
        }
    }
}
