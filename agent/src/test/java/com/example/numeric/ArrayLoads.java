package com.example.numeric;

/**
 * Loads of one array element within an expression, which the rewriter makes one leaf, and the
 * writes and stores between loads that must keep them apart; each with its gradient.
 * {@link Rosenbrock} is the other case: it loads {@code x[i]} three times per term.
 */
public final class ArrayLoads {

    private ArrayLoads() {
    }

    /** s = sum x[i] * x[i - 1] + x[i - 1]: offsets below the index. */
    public static double backwards(double[] x) {
        double s = 0;
        for (int i = 1; i < x.length; i++) {
            s += x[i] * x[i - 1] + x[i - 1];
        }
        return s;
    }

    public static double[] backwardsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 1; i < x.length; i++) {
            g[i] += x[i - 1];
            g[i - 1] += x[i] + 1;
        }
        return g;
    }

    /** x0 * x1 * x1: after {@code i++} the third load reads another element. */
    public static double incremented(double[] x) {
        int i = 0;
        return x[i] * x[i++] * x[i] / x[0];
    }

    public static double[] incrementedGradient(double[] x) {
        return new double[] {x[1], x[0]};
    }

    /** 2x0 * 2x1: the array local is reassigned between two loads of its element 0. */
    public static double reassigned(double[] x) {
        double[] a = x;
        double[] b = {x[1]};
        double p = 2 * a[0];
        a = b;
        double q = 2 * a[0];
        return p * q;
    }

    public static double[] reassignedGradient(double[] x) {
        return new double[] {4 * x[1], 4 * x[0]};
    }

    /** 2x0 * 4x0 = 8 x0^2: the element is written between its loads (both temporaries stay forms). */
    public static double overwritten(double[] x) {
        double[] y = x.clone();
        double a = 2 * y[0];
        y[0] = a;
        double b = 2 * y[0];
        return a * b + 0 * x[1];
    }

    public static double[] overwrittenGradient(double[] x) {
        return new double[] {16 * x[0], 0};
    }

    /** x0 * 1 * 2x0 = 2 x0^2: a call doubles the element between its loads. */
    public static double calledBetween(double[] x) {
        double[] y = x.clone();
        return y[0] * doubleFirst(y) * y[0] + 0 * x[1];
    }

    private static double doubleFirst(double[] y) {
        y[0] = 2 * y[0];
        return 1.0;
    }

    public static double[] calledBetweenGradient(double[] x) {
        return new double[] {4 * x[0], 0};
    }

    /**
     * 2 * (x0 + ... + x[n-2]): the loop reads y before its first active store gives y a shadow,
     * and after; each read must see the shadow y has then.
     */
    public static double shadowLater(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += y[i];
            y[(i + 1) % n] = x[i] * 2;
        }
        return s;
    }

    public static double[] shadowLaterGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            g[i] = 2;
        }
        return g;
    }

    /** sum over rows of (a[r][0] * a[r][1]): a loop over arrays that change every iteration. */
    public static double rowsOfPairs(double[] x) {
        double[][] rows = new double[x.length / 2][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new double[] {x[2 * r], x[2 * r + 1]};
        }
        double s = 0;
        for (double[] row : rows) {
            s += row[0] * row[1];
        }
        return s;
    }

    public static double[] rowsOfPairsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int r = 0; r < x.length / 2; r++) {
            g[2 * r] = x[2 * r + 1];
            g[2 * r + 1] = x[2 * r];
        }
        return g;
    }
}
