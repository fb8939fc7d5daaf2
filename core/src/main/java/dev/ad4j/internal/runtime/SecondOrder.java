package dev.ad4j.internal.runtime;

import dev.ad4j.internal.tape.Op;
import dev.ad4j.internal.tape.Tape;

/**
 * Second-order paths of the {@link Rt} helpers, taken only on the active path of a recording
 * started by {@code Tape.beginSecondOrder()} ({@code AD.hessian}, {@code AD.hessianVector}).
 * Each computes exactly the same first partials as the first-order path (same expressions, so
 * gradients are bit-identical in both modes) and the non-zero entries of the operation's local
 * Hessian with respect to its active operands. Entries that involve a passive operand are never
 * computed.
 *
 * <p>Operations that are linear or piecewise linear in their operands ({@code + - neg}, {@code %},
 * {@code IEEEremainder}, {@code abs}, {@code min}, {@code max}, {@code clamp}, {@code copySign},
 * {@code scalb}, {@code nextUp}, {@code nextDown}, {@code nextAfter}, {@code toRadians},
 * {@code toDegrees}, and the passive {@code floor}, {@code ceil}, {@code rint}, {@code signum},
 * {@code ulp}) have a zero local Hessian and keep their first-order paths, which never fold
 * in this mode. Conventions at points where the second derivative does not exist:
 * {@code sqrt''(0) = -Infinity} (the limit from the only side), {@code cbrt''(0) = NaN} (the
 * one-sided limits differ); {@code atan2} and {@code hypot} at the origin: 0; {@code pow(a, b)}
 * uses the first-order conventions: terms with {@code ln a} are 0 where {@code a == 0}, and
 * {@code ∂²/∂a²} is 0 where {@code b} is 0 or 1.
 */
final class SecondOrder {
    private SecondOrder() {
    }

    /** One-operand functions: first partial p (as {@link Rules#unary}) and second partial h. */
    static int unary(Tape t, int op, int ia, double a, double r) {
        double p;
        double h;
        switch (op) {
            case Op.SIN -> {
                p = Math.cos(a);
                h = -r;
            }
            case Op.COS -> {
                p = -Math.sin(a);
                h = -r;
            }
            case Op.TAN -> {
                p = 1 + r * r;
                h = 2 * r * p; // 2 tan a sec² a
            }
            case Op.ASIN -> {
                p = 1 / Math.sqrt(1 - a * a);
                h = a * p * p * p; // a / (1 - a²)^(3/2)
            }
            case Op.ACOS -> {
                p = -1 / Math.sqrt(1 - a * a);
                h = a * p * p * p; // -a / (1 - a²)^(3/2)
            }
            case Op.ATAN -> {
                p = 1 / (1 + a * a);
                h = -2 * a * p * p;
            }
            case Op.SINH -> {
                p = Math.cosh(a);
                h = r;
            }
            case Op.COSH -> {
                p = Math.sinh(a);
                h = r;
            }
            case Op.TANH -> {
                p = 1 - r * r;
                h = -2 * r * p; // -2 tanh a sech² a
            }
            case Op.EXP -> {
                p = r;
                h = r;
            }
            case Op.EXPM1 -> {
                p = r + 1;
                h = p;
            }
            case Op.LOG -> {
                p = 1 / a;
                h = -p * p;
            }
            case Op.LOG10 -> {
                p = 1 / (a * Rules.LN10);
                h = -p / a; // -1 / (a² ln 10)
            }
            case Op.LOG1P -> {
                p = 1 / (1 + a);
                h = -p * p;
            }
            case Op.SQRT -> {
                p = r == 0 ? Double.POSITIVE_INFINITY : 0.5 / r;
                h = -2 * p * p * p; // -1 / (4 a^(3/2))
            }
            case Op.CBRT -> {
                p = r == 0 ? Double.POSITIVE_INFINITY : 1 / (3 * r * r);
                h = r == 0 ? Double.NaN : -2 * p / (3 * a); // -2 / (9 a^(5/3))
            }
            case Op.ABS -> {
                p = Math.signum(a);
                h = 0;
            }
            case Op.ASINH -> {
                p = 1 / Math.sqrt(a * a + 1);
                h = -a * p * p * p; // -a / (a² + 1)^(3/2)
            }
            case Op.ACOSH -> {
                p = 1 / Math.sqrt(a * a - 1);
                h = -a * p * p * p; // -a / (a² - 1)^(3/2)
            }
            case Op.ATANH -> {
                p = 1 / (1 - a * a);
                h = 2 * a * p * p; // 2a / (1 - a²)²
            }
            default -> throw new IllegalArgumentException("no second-order rule for " + Op.symbol(op));
        }
        return t.rec1h(op, ia, p, h, r);
    }

    /** a / b: ∂²/∂a∂b = -1/b², ∂²/∂b² = 2a/b³ = 2r/b². */
    static int ddiv(Tape t, int ia, int ib, double a, double b, double r) {
        double pa = 1.0 / b;
        double pb = ib == 0 ? 0 : -r / b;
        return t.rec2h(Op.DIV, ia, pa, ib, pb, 0, -pa * pa, ib == 0 ? 0 : -2 * pb / b, r);
    }

    /**
     * pow(a, b) with the first partials {@code pa}, {@code pb} of {@link Rules#pow}:
     * ∂²/∂a² = b(b-1)a^(b-2), ∂²/∂a∂b = a^(b-1)(1 + b ln a), ∂²/∂b² = r ln² a.
     */
    static int pow(Tape t, int ia, int ib, double a, double b, double pa, double pb, double r) {
        double haa = ia == 0 || b == 0 || b == 1 ? 0 : b * (b - 1) * Math.pow(a, b - 2);
        double hab = ia == 0 || ib == 0 || a == 0 ? 0 : Math.pow(a, b - 1) * (1 + b * Math.log(a));
        double hbb = ib == 0 || a == 0 ? 0 : pb * Math.log(a);
        return t.rec2h(Op.POW, ia, pa, ib, pb, haa, hab, hbb, r);
    }

    /** pow(a, n) with an int or long exponent: n a^(n-1) and n(n-1) a^(n-2). */
    static int pow(Tape t, int ia, double a, long n, double r) {
        double p = n == 0 ? 0 : n * Math.pow(a, n - 1);
        double h = n == 0 || n == 1 ? 0 : (double) n * (n - 1) * Math.pow(a, n - 2);
        return t.rec1h(Op.POW, ia, p, h, r);
    }

    /** atan2(y, x), d = x² + y²: ∂²/∂y² = -2xy/d², ∂²/∂y∂x = (y² - x²)/d², ∂²/∂x² = 2xy/d². */
    static int atan2(Tape t, int iy, int ix, double py, double px, double r) {
        // py = x/d, px = -y/d
        return t.rec2h(Op.ATAN2, iy, py, ix, px, 2 * py * px, (px - py) * (px + py), -2 * py * px, r);
    }

    /** hypot(a, b): ∂²/∂a² = b²/r³, ∂²/∂a∂b = -ab/r³, ∂²/∂b² = a²/r³ (r != 0). */
    static int hypot(Tape t, int ia, int ib, double pa, double pb, double r) {
        // pa = a/r, pb = b/r
        return t.rec2h(Op.HYPOT, ia, pa, ib, pb, pb * pb / r, -pa * pb / r, pa * pa / r, r);
    }

    /**
     * log(base, x) = ln x / L with L = ln base: ∂²/∂x² = -1/(x² L), ∂²/∂base∂x = -1/(x base L²),
     * ∂²/∂base² = r (L + 2)/(base² L²).
     */
    static int logb(Tape t, int ib, int ix, double base, double x, double r) {
        double lnBase = Math.log(base);
        double pb = ib == 0 ? 0 : -r / (base * lnBase);
        double px = ix == 0 ? 0 : 1 / (x * lnBase);
        double hbb = ib == 0 ? 0 : -pb * (lnBase + 2) / (base * lnBase);
        double hbx = ib == 0 || ix == 0 ? 0 : -px / (base * lnBase);
        double hxx = ix == 0 ? 0 : -px / x;
        return t.rec2h(Op.LOGB, ib, pb, ix, px, hbb, hbx, hxx, r);
    }
}
