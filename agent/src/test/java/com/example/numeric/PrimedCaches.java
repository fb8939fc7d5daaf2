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

    /**
     * Twenty explicit Euler steps of {@code x' = a x - b x y, y' = c x y - d y} with
     * {@code x = (a, b, c, d, x0, y0)}, loss {@code X(T) + Y(T)}: {@link #rhs} reads its arrays
     * without a loop, and its output gets its first shadow on the first call.
     */
    public static double euler(double[] x) {
        double[] s = {x[4], x[5]};
        double[] k = new double[2];
        for (int i = 0; i < 20; i++) {
            rhs(x, s, k);
            s[0] += 0.01 * k[0];
            s[1] += 0.01 * k[1];
        }
        return s[0] + s[1];
    }

    /** The gradient of {@link #euler}, by tangents of the state carried through the steps by hand. */
    public static double[] eulerGradient(double[] x) {
        double a = x[0], b = x[1], c = x[2], d = x[3];
        double sx = x[4], sy = x[5];
        double[] dx = new double[6];
        double[] dy = new double[6];
        dx[4] = 1;
        dy[5] = 1;
        for (int i = 0; i < 20; i++) {
            double[] nx = new double[6];
            double[] ny = new double[6];
            for (int j = 0; j < 6; j++) {
                double da = j == 0 ? 1 : 0, db = j == 1 ? 1 : 0, dc = j == 2 ? 1 : 0, dd = j == 3 ? 1 : 0;
                double dk0 = da * sx + a * dx[j] - (db * sx * sy + b * dx[j] * sy + b * sx * dy[j]);
                double dk1 = dc * sx * sy + c * dx[j] * sy + c * sx * dy[j] - dd * sy - d * dy[j];
                nx[j] = dx[j] + 0.01 * dk0;
                ny[j] = dy[j] + 0.01 * dk1;
            }
            double k0 = a * sx - b * sx * sy;
            double k1 = c * sx * sy - d * sy;
            sx += 0.01 * k0;
            sy += 0.01 * k1;
            dx = nx;
            dy = ny;
        }
        double[] g = new double[6];
        for (int j = 0; j < 6; j++) {
            g[j] = dx[j] + dy[j];
        }
        return g;
    }

    /** {@code out = f(s; p)}: three arrays, each read or written more than once, no loop. */
    static void rhs(double[] p, double[] s, double[] out) {
        out[0] = p[0] * s[0] - p[1] * s[0] * s[1];
        out[1] = p[2] * s[0] * s[1] - p[3] * s[1];
    }

    /** {@code p[0] s[0]}: each array read once, where a primed cache would only add code. */
    static double once(double[] p, double[] s) {
        return p[0] * s[0];
    }
}
