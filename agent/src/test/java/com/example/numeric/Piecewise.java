package com.example.numeric;

/**
 * A loop with branches and helper static methods: the control flow follows the primal, and
 * doubles travel through calls and returns.
 */
public final class Piecewise {

    private Piecewise() {
    }

    static double smoothStep(double t) {
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }

    static double weighted(double w, double a, double b) {
        return w * a + (1 - w) * b;
    }

    static double power(double base, int n) {
        return n == 0 ? 1.0 : base * power(base, n - 1);
    }

    public static double value(double[] x) {
        double acc = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi > 0.5) {
                acc += weighted(smoothStep(xi - 0.5), Math.exp(xi), xi * xi);
            } else if (i % 2 == 0) {
                acc -= power(xi, 3) / (1 + i);
            } else {
                acc += Math.sqrt(1 + xi * xi) * (i + 0.5);
            }
        }
        return acc;
    }

    /** Closed-form gradient of {@link #value}. */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi > 0.5) {
                double t = xi - 0.5;
                double s;
                double ds;
                if (t >= 1) {
                    s = 1;
                    ds = 0;
                } else {
                    s = t * t * (3 - 2 * t);
                    ds = 6 * t - 6 * t * t;
                }
                double e = Math.exp(xi);
                g[i] = ds * e + s * e + (-ds) * xi * xi + (1 - s) * 2 * xi;
            } else if (i % 2 == 0) {
                g[i] = -3 * xi * xi / (1 + i);
            } else {
                g[i] = xi / Math.sqrt(1 + xi * xi) * (i + 0.5);
            }
        }
        return g;
    }
}
