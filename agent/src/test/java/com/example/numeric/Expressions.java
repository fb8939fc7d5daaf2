package com.example.numeric;

/**
 * Expression shapes that the rewriter turns into one tape statement per store: long sums,
 * quotients, negations, constants, calls and branches in the middle of an expression, compound
 * array assignments and comparisons of whole expressions. Each has a closed-form gradient.
 */
public final class Expressions {

    private Expressions() {
    }

    /** {@code sum x[i] x[i+m]}, m = n/2: one statement per iteration. */
    public static double dot(double[] x) {
        int m = x.length / 2;
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += x[i] * x[i + m];
        }
        return s;
    }

    /** d dot / dx. */
    public static double[] dotGradient(double[] x) {
        int m = x.length / 2;
        double[] g = new double[x.length];
        for (int i = 0; i < m; i++) {
            g[i] = x[i + m];
            g[i + m] = x[i];
        }
        return g;
    }

    /** Twelve products in one expression: more leaves than one statement takes. */
    public static double longSum(double[] x) {
        double a = x[0], b = x[1], c = x[2], d = x[3];
        return a * b + b * c + c * d + d * a + 2 * a * c - b * d / 3 + a * a * a - (b - c) * (c - d)
                + 0.5 * d * d + a / (1 + b * b) - -c * 4 + (a + b + c + d) * (a - b + c - d);
    }

    public static double[] longSumGradient(double[] x) {
        double a = x[0], b = x[1], c = x[2], d = x[3];
        double q = 1 + b * b;
        double p = a + b + c + d;
        double r = a - b + c - d;
        return new double[] {
            b + d + 2 * c + 3 * a * a + 1 / q + r + p,
            a + c - d / 3 - (c - d) - a * 2 * b / (q * q) + r - p,
            b + d + 2 * a - (-(c - d) + (b - c)) + 4 + r + p,
            c + a - b / 3 + (b - c) + d + p * 0 + r - p + p * 0,
        };
    }

    /** A call, a ternary and a division by an expression, all inside one expression. */
    public static double mixed(double[] x) {
        double a = x[0], b = x[1], c = x[2];
        return a * b + square(c - a) * (b > 0 ? b : -b) - (a * c) / (b * b + 1) + Math.sin(a * b + c) * 2;
    }

    private static double square(double v) {
        return v * v;
    }

    public static double[] mixedGradient(double[] x) {
        double a = x[0], b = x[1], c = x[2];
        double sb = b > 0 ? 1 : -1;
        double ab = b > 0 ? b : -b;
        double q = b * b + 1;
        double cs = Math.cos(a * b + c) * 2;
        return new double[] {
            b - 2 * (c - a) * ab - c / q + cs * b,
            a + (c - a) * (c - a) * sb + a * c * 2 * b / (q * q) + cs * a,
            2 * (c - a) * ab - a / q + cs,
        };
    }

    /** {@code y[i] += x[i] * x[i+1]} (DUP2 of array and index) and a comparison of expressions. */
    public static double compound(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            y[i] += x[i] * x[i + 1];
            y[i] -= -x[i] / 4;
        }
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] * 2 > y[i] - 1) {
                s += y[i] * y[i];
            } else {
                s -= y[i];
            }
        }
        return s;
    }
}
