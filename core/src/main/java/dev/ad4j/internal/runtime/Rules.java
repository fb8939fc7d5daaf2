package dev.ad4j.internal.runtime;

import dev.ad4j.internal.tape.Op;
import dev.ad4j.internal.tape.Tape;

/**
 * Slow paths of the {@link Rt} helpers whose partials take more than one or two flops.
 * Only called on the active path (some operand index non-zero), so {@code Rt}'s helpers stay
 * small enough to be inlined while this code is not. Every method accepts {@code t == null}.
 */
final class Rules {
    private Rules() {
    }

    static final double LN10 = 2.302585092994046;

    static int drem(Tape t, int op, int ia, int ib, double a, double b, double r) {
        if (t == null) {
            return 0;
        }
        // a = q b + r with q an integer (truncated for %, nearest-even for IEEEremainder);
        // (a - r) / b recovers q without the rounding of a / b.
        double pb = ib == 0 ? 0 : -Math.rint((a - r) / b);
        return t.rec2(op, ia, 1.0, ib, pb, r);
    }

    static int atan2(Tape t, int iy, int ix, double y, double x, double r) {
        if (t == null) {
            return 0;
        }
        double d = x * x + y * y;
        if (d == 0) {
            return t.rec2(Op.ATAN2, iy, 0, ix, 0, r);
        }
        if (t.secondOrder()) {
            return SecondOrder.atan2(t, iy, ix, x / d, -y / d, r);
        }
        return t.rec2(Op.ATAN2, iy, x / d, ix, -y / d, r);
    }

    static int pow(Tape t, int ia, int ib, double a, double b, double r) {
        if (t == null) {
            return 0;
        }
        // As JAX: d/da = 0 where b == 0, d/db = 0 where a == 0; partials of passive operands
        // are not computed (log(a) is NaN for a < 0 with an integer constant exponent).
        double pa = ia == 0 || b == 0 ? 0 : b * Math.pow(a, b - 1);
        double pb = ib == 0 || a == 0 ? 0 : r * Math.log(a);
        if (t.secondOrder()) {
            return SecondOrder.pow(t, ia, ib, a, b, pa, pb, r);
        }
        return t.rec2(Op.POW, ia, pa, ib, pb, r);
    }

    static int hypot(Tape t, int ia, int ib, double a, double b, double r) {
        if (t == null) {
            return 0;
        }
        if (r == 0) {
            return t.rec2(Op.HYPOT, ia, 0, ib, 0, r);
        }
        if (t.secondOrder()) {
            return SecondOrder.hypot(t, ia, ib, a / r, b / r, r);
        }
        return t.rec2(Op.HYPOT, ia, a / r, ib, b / r, r);
    }

    /** Weight of {@code a} in min/max: 1 if it was chosen, 0.5 on ties (JAX), NaN goes to the NaN operand. */
    static double pick(double a, double b, double r) {
        if (a == b) {
            return 0.5;
        }
        if (a != a) {
            return 1;
        }
        if (b != b) {
            return 0;
        }
        return r == a ? 1 : 0;
    }

    static int minMax(Tape t, int op, int ia, int ib, double a, double b, double r) {
        if (t == null) {
            return 0;
        }
        double wa = pick(a, b, r);
        return t.rec2(op, ia, wa, ib, 1 - wa, r);
    }

    static int clamp(Tape t, int iv, int ilo, int ihi, double v, double lo, double hi, double r) {
        if (t == null) {
            return 0;
        }
        // Math.clamp(v, lo, hi) == min(max(v, lo), hi): chain the min/max conventions.
        double m = Math.max(v, lo);
        double wv = pick(v, lo, m);
        double wm = pick(m, hi, r);
        return t.rec3(Op.CLAMP, iv, wv * wm, ilo, (1 - wv) * wm, ihi, 1 - wm, r);
    }

    static int copySign(Tape t, int ia, double a, double b, double r) {
        if (t == null) {
            return 0;
        }
        boolean same = (Double.doubleToRawLongBits(a) ^ Double.doubleToRawLongBits(b)) >= 0;
        return t.rec1(Op.COPYSIGN, ia, same ? 1 : -1, r);
    }

    static int unary(Tape t, int op, int ia, double a, double r) {
        if (t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            return SecondOrder.unary(t, op, ia, a, r);
        }
        double p;
        switch (op) {
            case Op.TAN -> p = 1 + r * r;
            case Op.ASIN -> p = 1 / Math.sqrt(1 - a * a);
            case Op.ACOS -> p = -1 / Math.sqrt(1 - a * a);
            case Op.ATAN -> p = 1 / (1 + a * a);
            case Op.SINH -> p = Math.cosh(a);
            case Op.COSH -> p = Math.sinh(a);
            case Op.TANH -> p = 1 - r * r;
            case Op.LOG10 -> p = 1 / (a * LN10);
            case Op.LOG1P -> p = 1 / (1 + a);
            case Op.SQRT -> p = r == 0 ? Double.POSITIVE_INFINITY : 0.5 / r;
            case Op.CBRT -> p = r == 0 ? Double.POSITIVE_INFINITY : 1 / (3 * r * r);
            case Op.ABS -> p = Math.signum(a);
            default -> throw new IllegalArgumentException(Op.symbol(op));
        }
        return t.rec1(op, ia, p, r);
    }

    static int custom(Tape t, int rule, int[] idx, double[] args, double r) {
        if (t == null) {
            return 0;
        }
        if (t.secondOrder()) {
            throw t.secondOrderUnsupported("no second derivative is known for " + dev.ad4j.DerivativeRules.methodOf(rule)
                    + ": its DerivativeRules rule gives first partials only, so AD.hessian and AD.hessianVector "
                    + "cannot differentiate through it");
        }
        double[] partials = new double[args.length];
        dev.ad4j.DerivativeRules.partials(rule, args, r, partials);
        return t.recN(Op.CUSTOM, idx, partials, args.length, r);
    }
}
