package dev.ad4j;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;

/**
 * Functions written exactly as the agent's rewriter would emit them: the primal is computed as
 * in the original code and each operation calls the matching {@link Rt} helper.
 */
final class Targets {
    private Targets() {
    }

    /** y = ln x1 + x1 x2 - sin x2 (Baydin et al. 2018, the running example). */
    static double survey(double[] x) {
        Tape t = Rt.enter();
        double x1 = x[0];
        int i1 = Rt.daload(t, x, 0, x1);
        double x2 = x[1];
        int i2 = Rt.daload(t, x, 1, x2);
        double v1 = Math.log(x1);
        int iv1 = Rt.log(t, i1, x1, v1);
        double v2 = x1 * x2;
        int iv2 = Rt.dmul(t, i1, i2, x1, x2, v2);
        double v3 = Math.sin(x2);
        int iv3 = Rt.sin(t, i2, x2, v3);
        double v4 = v1 + v2;
        int iv4 = Rt.dadd(t, iv1, iv2, v1, v2, v4);
        double v5 = v4 - v3;
        int iv5 = Rt.dsub(t, iv4, iv3, v4, v3, v5);
        Rt.ret(t, iv5, v5);
        return v5;
    }

    /** Callee with one double parameter: v * v, index through the registers. */
    static double square(double v) {
        Tape t = Rt.enter();
        int iv = Rt.param(t, v, 0, 1);
        Rt.endParams(t);
        double r = v * v;
        int ir = Rt.dmul(t, iv, iv, v, v, r);
        Rt.ret(t, ir, r);
        return r;
    }

    /** Extended Rosenbrock: sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, calling {@link #square}. */
    static double rosenbrock(double[] x) {
        Tape t = Rt.enter();
        double s = 0;
        int is = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i];
            int ia = Rt.daload(t, x, i, a);
            double b = x[i + 1];
            int ib = Rt.daload(t, x, i + 1, b);
            double aa = a * a;
            int iaa = Rt.dmul(t, ia, ia, a, a, aa);
            double d = b - aa;
            int id = Rt.dsub(t, ib, iaa, b, aa, d);
            Rt.args(t, 1);
            Rt.arg(t, 0, id, d);
            double d2 = square(d);
            int id2 = Rt.result(t, d2);
            double e = 100 * d2;
            int ie = Rt.dmul(t, 0, id2, 100, d2, e);
            double f = 1 - a;
            int iff = Rt.dsub(t, 0, ia, 1, a, f);
            double f2 = f * f;
            int if2 = Rt.dmul(t, iff, iff, f, f, f2);
            double s1 = s + e;
            int is1 = Rt.dadd(t, is, ie, s, e, s1);
            double s2 = s1 + f2;
            is = Rt.dadd(t, is1, if2, s1, f2, s2);
            s = s2;
        }
        Rt.ret(t, is, s);
        return s;
    }

    /** f(x) = [x0 x1, sin x0, x2 / x1, 3] (the last component is constant). */
    static double[] vector(double[] x) {
        Tape t = Rt.enter();
        double[] y = new double[4];
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double x1 = x[1];
        int i1 = Rt.daload(t, x, 1, x1);
        double x2 = x[2];
        int i2 = Rt.daload(t, x, 2, x2);
        double a = x0 * x1;
        Rt.dastore(t, y, 0, Rt.dmul(t, i0, i1, x0, x1, a));
        y[0] = a;
        double b = Math.sin(x0);
        Rt.dastore(t, y, 1, Rt.sin(t, i0, x0, b));
        y[1] = b;
        double c = x2 / x1;
        Rt.dastore(t, y, 2, Rt.ddiv(t, i2, i1, x2, x1, c));
        y[2] = c;
        Rt.dastore(t, y, 3, 0);
        y[3] = 3;
        return y;
    }

    /** Instrumented but constant: returns 42 whatever x is. */
    static double constant(double[] x) {
        Tape t = Rt.enter();
        double r = 42;
        Rt.ret(t, 0, r);
        return r;
    }

    /** Instrumented lambda body for AD.derivative: x * exp(x). */
    static double xExp(double x) {
        Tape t = Rt.enter();
        int ix = Rt.param(t, x, 0, 1);
        Rt.endParams(t);
        double e = Math.exp(x);
        int ie = Rt.exp(t, ix, x, e);
        double r = x * e;
        int ir = Rt.dmul(t, ix, ie, x, e, r);
        Rt.ret(t, ir, r);
        return r;
    }

    /** sum of x[i] * x[i], with n operations per entry (to fill the tape). */
    static double longSum(double[] x, int repeats) {
        Tape t = Rt.enter();
        double s = 0;
        int is = 0;
        for (int k = 0; k < repeats; k++) {
            for (int i = 0; i < x.length; i++) {
                double a = x[i];
                int ia = Rt.daload(t, x, i, a);
                double p = a * a;
                int ip = Rt.dmul(t, ia, ia, a, a, p);
                double s1 = s + p;
                is = Rt.dadd(t, is, ip, s, p, s1);
                s = s1;
            }
        }
        Rt.ret(t, is, s);
        return s;
    }
}
