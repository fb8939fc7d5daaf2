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
     * Ten steps of RK4 for {@code x' = a x - b x y}, {@code y' = c x y - d y} written with scalars,
     * as a hand-coded ODE step is; {@code p = (a, b, c, d, x0, y0)}, returns {@code x + y} at the end.
     * Each stage ({@code k1x = a x - b x y}: four leaves) is read twice, so it is recorded once
     * instead of being copied into both readers; the midpoints ({@code tx}) are read three times.
     */
    public static double scalarRk4(double[] p) {
        double a = p[0], b = p[1], c = p[2], d = p[3];
        double x = p[4], y = p[5];
        double h = 0.05;
        for (int i = 0; i < 10; i++) {
            double k1x = a * x - b * x * y, k1y = c * x * y - d * y;
            double tx = x + 0.5 * h * k1x, ty = y + 0.5 * h * k1y;
            double k2x = a * tx - b * tx * ty, k2y = c * tx * ty - d * ty;
            tx = x + 0.5 * h * k2x;
            ty = y + 0.5 * h * k2y;
            double k3x = a * tx - b * tx * ty, k3y = c * tx * ty - d * ty;
            tx = x + h * k3x;
            ty = y + h * k3y;
            double k4x = a * tx - b * tx * ty, k4y = c * tx * ty - d * ty;
            x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            y += h / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
        }
        return x + y;
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
