package dev.ad4j.checkpoint;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import java.util.Arrays;

/**
 * A periodic 1-D reaction-diffusion step and a loss, written as the agent's rewriter would
 * emit them (primal as in plain Java, one {@link Rt} helper per operation).
 * {@code u[j] += dt (D (u[j-1] - 2 u[j] + u[j+1]) + k u[j] (1 - u[j]))}, {@code dt = 0.1 h},
 * parameters {@code p = {D, k, h}}.
 */
final class HeatSteps {
    private HeatSteps() {
    }

    static void step(double[] u, double[] p) {
        Tape t = Rt.enter();
        double[] old = u.clone();
        Rt.copyOf(t, u, 0, old);
        int n = u.length;
        double d = p[0];
        int id = Rt.daload(t, p, 0, d);
        double k = p[1];
        int ik = Rt.daload(t, p, 1, k);
        double h = p[2];
        int ih = Rt.daload(t, p, 2, h);
        double dt = 0.1 * h;
        int idt = Rt.dmul(t, 0, ih, 0.1, h, dt);
        for (int j = 0; j < n; j++) {
            double l = old[(j + n - 1) % n];
            int il = Rt.daload(t, old, (j + n - 1) % n, l);
            double c = old[j];
            int ic = Rt.daload(t, old, j, c);
            double r = old[(j + 1) % n];
            int ir = Rt.daload(t, old, (j + 1) % n, r);
            double c2 = 2 * c;
            int ic2 = Rt.dmul(t, 0, ic, 2, c, c2);
            double a = l - c2;
            int ia = Rt.dsub(t, il, ic2, l, c2, a);
            double lap = a + r;
            int ilap = Rt.dadd(t, ia, ir, a, r, lap);
            double kc = k * c;
            int ikc = Rt.dmul(t, ik, ic, k, c, kc);
            double om = 1 - c;
            int iom = Rt.dsub(t, 0, ic, 1, c, om);
            double react = kc * om;
            int ireact = Rt.dmul(t, ikc, iom, kc, om, react);
            double diff = d * lap;
            int idiff = Rt.dmul(t, id, ilap, d, lap, diff);
            double rate = diff + react;
            int irate = Rt.dadd(t, idiff, ireact, diff, react, rate);
            double inc = dt * rate;
            int iinc = Rt.dmul(t, idt, irate, dt, rate, inc);
            double v = c + inc;
            int iv = Rt.dadd(t, ic, iinc, c, inc, v);
            u[j] = v;
            Rt.dastore(t, u, j, iv);
        }
    }

    /** sum_j (j + 1) u[j]^2. */
    static double loss(double[] u) {
        Tape t = Rt.enter();
        double s = 0;
        int is = 0;
        for (int j = 0; j < u.length; j++) {
            double v = u[j];
            int iv = Rt.daload(t, u, j, v);
            double sq = v * v;
            int isq = Rt.dmul(t, iv, iv, v, v, sq);
            double w = (j + 1) * sq;
            int iw = Rt.dmul(t, 0, isq, j + 1, sq, w);
            double s2 = s + w;
            is = Rt.dadd(t, is, iw, s, w, s2);
            s = s2;
        }
        Rt.ret(t, is, s);
        return s;
    }

    /** The first {@code n} entries of x (with their shadows). */
    static double[] head(double[] x, int n) {
        Tape t = Rt.enter();
        double[] s = Arrays.copyOf(x, n);
        Rt.copyOf(t, x, 0, s);
        return s;
    }

    /** Entries {@code from ..} of x (with their shadows). */
    static double[] tail(double[] x, int from) {
        Tape t = Rt.enter();
        double[] s = Arrays.copyOfRange(x, from, x.length);
        Rt.copyOf(t, x, from, s);
        return s;
    }

    /** The loss after {@code steps} plain steps on x = (state of n cells, D, k, h). */
    static double plain(double[] x, int n, int steps) {
        double[] u = head(x, n);
        double[] p = tail(x, n);
        for (int i = 0; i < steps; i++) {
            step(u, p);
        }
        return loss(u);
    }

    /** The same with {@code Checkpointing.iterate}. */
    static double checkpointed(double[] x, int n, int steps, int snapshots) {
        double[] u = head(x, n);
        double[] p = tail(x, n);
        dev.ad4j.Checkpointing.iterate(steps, u, snapshots, (i, s) -> step(s, p));
        return loss(u);
    }

    /** A point: a smooth bump in (0, 1) and parameters D = 0.4, k = 0.05, h = 1. */
    static double[] point(int n) {
        double[] x = new double[n + 3];
        for (int j = 0; j < n; j++) {
            x[j] = 0.3 + 0.2 * Math.sin(2 * Math.PI * j / n) + 0.05 * Math.cos(6 * Math.PI * j / n);
        }
        x[n] = 0.4;
        x[n + 1] = 0.05;
        x[n + 2] = 1.0;
        return x;
    }
}
