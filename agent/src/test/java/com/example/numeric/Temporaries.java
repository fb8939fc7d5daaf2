package com.example.numeric;

import java.util.function.DoubleUnaryOperator;

/**
 * Temporaries: locals that hold a value for the next statement or two, the way numeric code is
 * written. Most die in their block and stay expression forms; some are read after a branch, in
 * a loop's next iteration, by a lambda or a handler, and must keep their index.
 */
public final class Temporaries {

    private Temporaries() {
    }

    /** Sum of squared deviations from {@code x[0]}: {@code d} dies in the loop body. */
    public static double squaredDeviations(double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            double d = x[i] - x[0];
            double w = 0.5 * d;
            s += w * d
                    + d;
        }
        return s;
    }

    public static double[] squaredDeviationsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            double dd = 2 * 0.5 * (x[i] - x[0]) + 1;
            g[i] += dd;
            g[0] -= dd;
        }
        return g;
    }

    /**
     * {@code t} is read after a branch (it must keep its index); {@code u} is stored twice in
     * one block; {@code v} goes to a call, an elementary function and a lambda.
     */
    public static double mixed(double[] x) {
        double t = x[0] * x[1] + 1;
        double r;
        if (x[2] > 0) {
            r = t * 3;
        } else {
            r = t - x[2];
        }
        double u = x[0] - x[2];
        u = u * u + t;
        double v = x[1] * 2 - x[0];
        double viaCall = square(v) + Math.sin(v);
        DoubleUnaryOperator scale = y -> y * v;
        double w = r + u;
        return w + viaCall + scale.applyAsDouble(x[2]);
    }

    public static double[] mixedGradient(double[] x) {
        double t = x[0] * x[1] + 1;
        double v = x[1] * 2 - x[0];
        double[] dt = {x[1], x[0], 0};
        double[] dr = x[2] > 0 ? new double[] {3 * dt[0], 3 * dt[1], 0} : new double[] {dt[0], dt[1], -1};
        double du0 = 2 * (x[0] - x[2]);
        double[] du = {du0 + dt[0], dt[1], -du0};
        double dCall = 2 * v + Math.cos(v);
        double[] dv = {-1, 2, 0};
        double[] g = new double[3];
        for (int i = 0; i < 3; i++) {
            g[i] = dr[i] + du[i] + dCall * dv[i] + x[2] * dv[i];
        }
        g[2] += v;
        return g;
    }

    /** A temporary in a method with a handler stays a statement; the gradient is the same. */
    public static double withHandler(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] * x[i];
            try {
                s += d * check(d);
            } catch (IllegalStateException e) {
                s += d;
            }
        }
        return s;
    }

    public static double[] withHandlerGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] * x[i];
            g[i] = d > 1 ? 2 * x[i] : 2 * x[i] * 2 * d;
        }
        return g;
    }

    private static double check(double d) {
        if (d > 1) {
            throw new IllegalStateException("large");
        }
        return d;
    }

    private static double square(double y) {
        return y * y;
    }
}
