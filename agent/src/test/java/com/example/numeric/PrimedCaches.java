package com.example.numeric;

/**
 * Loops over arrays known on entry to their method ({@code double[]} parameters and fields of
 * {@code this}), whose shadow caches the rewriter primes, and the ways such a primed shadow goes
 * stale: the array gets its first shadow in the method, the field or the parameter is reassigned
 * in the loop, or the parameter is null.
 */
public final class PrimedCaches {
    private final double[] weights;
    private double[] scale;
    private final double[] state;

    private PrimedCaches(double[] weights, double[] scale) {
        this.weights = weights;
        this.scale = scale;
        this.state = new double[weights.length];
        // A loop over fields in a constructor, where this cannot be read before super() returns.
        for (int i = 0; i < state.length; i++) {
            state[i] = weights[i] * 0.5;
        }
    }

    private static PrimedCaches of(int n) {
        double[] w = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 + 0.25 * i;
            s[i] = 2 - 0.125 * i;
        }
        return new PrimedCaches(w, s);
    }

    /** sum weights[i] x[i] scale[i]: two fields and a parameter, three caches. */
    public static double weighted(double[] x) {
        return of(x.length).weightedDot(x);
    }

    private double weightedDot(double[] x) {
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += weights[i] * x[i] * scale[i];
        }
        return t;
    }

    public static double[] weightedGradient(double[] x) {
        PrimedCaches p = of(x.length);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = p.weights[i] * p.scale[i];
        }
        return g;
    }

    /** sum x[i]^2 scale[i], through the field state, which gets its shadow in the first loop. */
    public static double activeField(double[] x) {
        return of(x.length).squaresThroughState(x);
    }

    private double squaresThroughState(double[] x) {
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            t += state[i] * scale[i];
            state[i] = x[i] * x[i];
        }
        for (int i = 0; i < x.length; i++) {
            t += state[i] * scale[i];
        }
        return t;
    }

    public static double[] activeFieldGradient(double[] x) {
        PrimedCaches p = of(x.length);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i] * p.scale[i];
        }
        return g;
    }

    /** sum scale[i] x[i], where scale becomes x halfway: then x[i]^2. */
    public static double reassignedField(double[] x) {
        return of(x.length).scaleSwappedMidway(x);
    }

    private double scaleSwappedMidway(double[] x) {
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            if (i == x.length / 2) {
                scale = x;
            }
            t += scale[i] * x[i];
        }
        return t;
    }

    public static double[] reassignedFieldGradient(double[] x) {
        PrimedCaches p = of(x.length);
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = i < x.length / 2 ? p.scale[i] : 2 * x[i];
        }
        return g;
    }

    /** sum a[i]^2 where a is x, then (from halfway) the array 2x: 2x[i], then 8x[i]. */
    public static double reassignedParameter(double[] x) {
        double[] doubled = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            doubled[i] = 2 * x[i];
        }
        return squaresSwapping(x, doubled);
    }

    private static double squaresSwapping(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (i == a.length / 2) {
                double[] t = a;
                a = b;
                b = t;
            }
            s += a[i] * a[i];
        }
        return s;
    }

    public static double[] reassignedParameterGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = i < x.length / 2 ? 2 * x[i] : 8 * x[i];
        }
        return g;
    }

    /** sum x[i]^2, by a loop that reads a second array only when it is there (here it is null). */
    public static double nullParameter(double[] x) {
        return weightedSquares(x, null);
    }

    private static double weightedSquares(double[] a, double[] weightsOrNull) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i] * (weightsOrNull == null ? 1 : weightsOrNull[i]);
        }
        return s;
    }

    public static double[] nullParameterGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i];
        }
        return g;
    }
}
