package dev.ad4j;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;

/**
 * Targets for second-order tests, written exactly as the agent's rewriter emits them (see
 * {@link Targets}), including the negative indices it passes for fresh expression temporaries.
 */
final class SecondOrderTargets {
    private SecondOrderTargets() {
    }

    /** f = sin(x0) exp(x1) + ln(x2) / x0 + pow(x1, x2). */
    static double mixed(double[] x) {
        Tape t = Rt.enter();
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double x1 = x[1];
        int i1 = Rt.daload(t, x, 1, x1);
        double x2 = x[2];
        int i2 = Rt.daload(t, x, 2, x2);
        double s = Math.sin(x0);
        int is = Rt.sin(t, i0, x0, s);
        double e = Math.exp(x1);
        int ie = Rt.exp(t, i1, x1, e);
        double a = s * e;
        int ia = Rt.dmul(t, -is, -ie, s, e, a);
        double l = Math.log(x2);
        int il = Rt.log(t, i2, x2, l);
        double b = l / x0;
        int ib = Rt.ddiv(t, -il, i0, l, x0, b);
        double ab = a + b;
        int iab = Rt.dadd(t, -ia, -ib, a, b, ab);
        double c = Math.pow(x1, x2);
        int ic = Rt.pow(t, i1, i2, x1, x2, c);
        double f = ab + c;
        int iff = Rt.dadd(t, -iab, -ic, ab, c, f);
        Rt.ret(t, iff, f);
        return f;
    }

    /** f = x0 x1 x2 (a product of inputs, as one expression). */
    static double product(double[] x) {
        Tape t = Rt.enter();
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double x1 = x[1];
        int i1 = Rt.daload(t, x, 1, x1);
        double x2 = x[2];
        int i2 = Rt.daload(t, x, 2, x2);
        double p = x0 * x1;
        int ip = Rt.dmul(t, i0, i1, x0, x1, p);
        double q = p * x2;
        int iq = Rt.dmul(t, -ip, i2, p, x2, q);
        Rt.ret(t, iq, q);
        return q;
    }

    /** f = 100 a a + b b + a b as one expression (folded on a first-order tape). */
    static double quadratic(double[] x) {
        Tape t = Rt.enter();
        double a = x[0];
        int ia = Rt.daload(t, x, 0, a);
        double b = x[1];
        int ib = Rt.daload(t, x, 1, b);
        double u = 100 * a;
        int iu = Rt.dmul(t, 0, ia, 100, a, u);
        double v = u * a;
        int iv = Rt.dmul(t, -iu, ia, u, a, v);
        double w = b * b;
        int iw = Rt.dmul(t, ib, ib, b, b, w);
        double s = v + w;
        int is = Rt.dadd(t, -iv, -iw, v, w, s);
        double ab = a * b;
        int iab = Rt.dmul(t, ia, ib, a, b, ab);
        double f = s + ab;
        int iff = Rt.dadd(t, -is, -iab, s, ab, f);
        Rt.ret(t, iff, f);
        return f;
    }

    /** x0 * rule(x0), where the call to the rule's method sits in a try/catch that swallows errors. */
    static double ruleSwallowed(double[] x, int rule) {
        Tape t = Rt.enter();
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double y;
        int iy;
        try {
            y = Math.tanh(x0); // stands for the rule's method, run untraced
            iy = Rt.rule1(t, i0, x0, y, rule);
        } catch (RuntimeException e) {
            y = 0;
            iy = 0;
        }
        double f = x0 * y;
        int iff = Rt.dmul(t, i0, iy, x0, y, f);
        Rt.ret(t, iff, f);
        return f;
    }

    /** f = x0 (the output is an input: its statement is below the other inputs). */
    static double first(double[] x) {
        Tape t = Rt.enter();
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        Rt.ret(t, i0, x0);
        return x0;
    }

    /** f = sqrt(x0² + x1²) tanh(x2) + atan2(x1, x0), through library-style calls. */
    static double polar(double[] x) {
        Tape t = Rt.enter();
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double x1 = x[1];
        int i1 = Rt.daload(t, x, 1, x1);
        double x2 = x[2];
        int i2 = Rt.daload(t, x, 2, x2);
        double h = Math.hypot(x0, x1);
        int ih = Rt.hypot(t, i0, i1, x0, x1, h);
        double th = Math.tanh(x2);
        int ith = Rt.tanh(t, i2, x2, th);
        double p = h * th;
        int ip = Rt.dmul(t, -ih, -ith, h, th, p);
        double at = Math.atan2(x1, x0);
        int iat = Rt.atan2(t, i1, i0, x1, x0, at);
        double f = p + at;
        int iff = Rt.dadd(t, -ip, -iat, p, at, f);
        Rt.ret(t, iff, f);
        return f;
    }
}
