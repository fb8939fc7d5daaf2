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

    /** An accumulator copied to another local halfway: the copy must keep the old value's derivative. */
    public static double copiedAccumulator(double[] x) {
        double s = 0;
        double half = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
            if (i == x.length / 2) {
                half = s;
            }
        }
        return s + 3 * half;
    }

    public static double[] copiedAccumulatorGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i] * (i <= x.length / 2 ? 4 : 1);
        }
        return g;
    }

    /** An accumulator started from a parameter (another frame's statement) and returned. */
    public static double chained(double[] x) {
        int m = x.length / 2;
        double t = sumOfSquares(0, x, 0, m);
        double u = sumOfSquares(t, x, m, x.length);
        return t * u;
    }

    private static double sumOfSquares(double s0, double[] x, int from, int to) {
        double s = s0;
        for (int i = from; i < to; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    public static double[] chainedGradient(double[] x) {
        int m = x.length / 2;
        double t = 0;
        double rest = 0;
        for (int i = 0; i < x.length; i++) {
            if (i < m) {
                t += x[i] * x[i];
            } else {
                rest += x[i] * x[i];
            }
        }
        double u = t + rest;
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // d(t u) = u dt + t du, du = dt + drest
            g[i] = i < m ? 2 * x[i] * (u + t) : 2 * x[i] * t;
        }
        return g;
    }

    /** {@code s += s * x[i]}: the accumulator is also a leaf of what it adds. */
    public static double selfReferencing(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            s += s * x[i];
        }
        return s;
    }

    public static double[] selfReferencingGradient(double[] x) {
        double p = 1;
        for (double v : x) {
            p *= 1 + v;
        }
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = p / (1 + x[i]);
        }
        return g;
    }

    /** An accumulator written to an array and passed to a call while it grows. */
    public static double storedAccumulator(double[] x) {
        double[] partial = new double[x.length];
        double s = 0;
        double seen = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
            partial[i] = s;
            seen += twice(s);
        }
        double r = 0;
        for (double v : partial) {
            r += v;
        }
        return r + seen;
    }

    private static double twice(double v) {
        return 2 * v;
    }

    public static double[] storedAccumulatorGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            // x[i]^2 is in partial[i..n-1]: (n - i) times, and in seen twice as often.
            g[i] = 2 * x[i] * 3 * (x.length - i);
        }
        return g;
    }
}
