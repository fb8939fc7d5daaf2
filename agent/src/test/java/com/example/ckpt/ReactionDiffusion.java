package com.example.ckpt;

import dev.ad4j.Checkpointing;

/**
 * A periodic 1-D reaction-diffusion equation, explicit Euler, written as plain Java: the
 * state is the first {@code cells} entries of x, the parameters (diffusion, reaction rate,
 * time-step scale) the last three. The loss weights the squared final state. Arrays are
 * copied by loops (the rewriter on this branch does not yet carry indices through
 * {@code clone()} or {@code Arrays.copyOf}).
 */
public final class ReactionDiffusion {
    /** Parameters appended to the state in x. */
    public static final int PARAMS = 3;

    private ReactionDiffusion() {
    }

    /** One step, in place: u[j] += dt (D (u[j-1] - 2 u[j] + u[j+1]) + k u[j] (1 - u[j])). */
    public static void step(double[] u, double[] p) {
        int n = u.length;
        double d = p[0];
        double k = p[1];
        double dt = 5e-5 * p[2];
        double[] old = copy(u, 0, n);
        for (int j = 0; j < n; j++) {
            double l = old[(j + n - 1) % n];
            double c = old[j];
            double r = old[(j + 1) % n];
            u[j] = c + dt * (d * (l - 2 * c + r) + k * c * (1 - c));
        }
    }

    /** sum_j (j + 1) u[j]^2 / n. */
    public static double loss(double[] u) {
        double s = 0;
        for (int j = 0; j < u.length; j++) {
            s += (j + 1) * u[j] * u[j];
        }
        return s / u.length;
    }

    /** The loss after {@code steps} plain steps. */
    public static double plain(double[] x, int steps) {
        int cells = x.length - PARAMS;
        double[] u = copy(x, 0, cells);
        double[] p = copy(x, cells, x.length);
        for (int i = 0; i < steps; i++) {
            step(u, p);
        }
        return loss(u);
    }

    /** The same loop under binomial checkpointing; the step lambda captures the parameter array. */
    public static double checkpointed(double[] x, int steps, int snapshots) {
        int cells = x.length - PARAMS;
        double[] u = copy(x, 0, cells);
        double[] p = copy(x, cells, x.length);
        Checkpointing.iterate(steps, u, snapshots, (i, s) -> step(s, p));
        return loss(u);
    }

    /** The final state after a checkpointed loop (for forward mode and Jacobians). */
    public static double[] checkpointedState(double[] x, int steps, int snapshots) {
        int cells = x.length - PARAMS;
        double[] u = copy(x, 0, cells);
        double[] p = copy(x, cells, x.length);
        Checkpointing.iterate(steps, u, snapshots, (i, s) -> step(s, p));
        return u;
    }

    /** The final state after {@code steps} steps in blocks of 100, each block a recompute region. */
    public static double[] recomputedBlocks(double[] x, int steps) {
        int cells = x.length - PARAMS;
        double[] u = copy(x, 0, cells);
        double[] p = copy(x, cells, x.length);
        for (int b = 0; b < steps; b += 100) {
            int len = Math.min(100, steps - b);
            u = Checkpointing.recompute((double[] v) -> {
                for (int i = 0; i < len; i++) {
                    step(v, p);
                }
                return v;
            }, u);
        }
        return u;
    }

    /** The plain counterpart of {@link #recomputedBlocks}. */
    public static double[] plainBlocks(double[] x, int steps) {
        int cells = x.length - PARAMS;
        double[] u = copy(x, 0, cells);
        double[] p = copy(x, cells, x.length);
        for (int i = 0; i < steps; i++) {
            step(u, p);
        }
        return u;
    }

    /** a[from .. to) as a new array. */
    static double[] copy(double[] a, int from, int to) {
        double[] c = new double[to - from];
        for (int i = from; i < to; i++) {
            c[i - from] = a[i];
        }
        return c;
    }

    /** A smooth initial state in (0, 1) over {@code cells} cells and D = 0.3, k = 0.2, h = 1 (dt = 5e-5 h: 200,000 steps span t = 10). */
    public static double[] point(int cells) {
        double[] x = new double[cells + PARAMS];
        for (int j = 0; j < cells; j++) {
            x[j] = 0.3 + 0.2 * Math.sin(2 * Math.PI * j / cells) + 0.05 * Math.cos(6 * Math.PI * j / cells);
        }
        x[cells] = 0.3;
        x[cells + 1] = 0.2;
        x[cells + 2] = 1.0;
        return x;
    }
}
