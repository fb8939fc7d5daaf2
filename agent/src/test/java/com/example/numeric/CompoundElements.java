package com.example.numeric;

/**
 * Compound assignments to array elements ({@code y[i] += e}), which may append to the statement
 * the element holds, and every way another holder of that statement can appear in between
 * (a read into a local, a call, a copy of the array, a read inside the sum itself), each with its
 * gradient written by hand.
 */
public final class CompoundElements {

    /** Read by {@link #calledBetween}: a value a call kept. */
    private static double kept;

    private CompoundElements() {
    }

    /** A fixed passive matrix entry. */
    public static double a(int i, int j) {
        return Math.sin(1 + i * 7 + j * 3);
    }

    /** sum_i y_i^2 with y = A x, accumulated into the elements of y. */
    public static double matVec(double[] x) {
        int m = 7;
        int n = x.length;
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                y[i] += a(i, j) * x[j];
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += y[i] * y[i];
        }
        return s;
    }

    public static double[] matVecGradient(double[] x) {
        int m = 7;
        double[] g = new double[x.length];
        for (int i = 0; i < m; i++) {
            double yi = 0;
            for (int j = 0; j < x.length; j++) {
                yi += a(i, j) * x[j];
            }
            for (int j = 0; j < x.length; j++) {
                g[j] += 2 * yi * a(i, j);
            }
        }
        return g;
    }

    /** Columns outside, rows inside: consecutive sums go to different elements. */
    public static double matVecByColumns(double[] x) {
        int m = 7;
        double[] y = new double[m];
        for (int j = 0; j < x.length; j++) {
            for (int i = 0; i < m; i++) {
                y[i] += a(i, j) * x[j];
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += y[i] * y[i];
        }
        return s;
    }

    /** x0 (x0 + x1), with the first value of y[0] read into a local between its two sums. */
    public static double readBetween(double[] x) {
        double[] y = new double[1];
        y[0] += x[0];
        double t = y[0];
        y[0] += x[1];
        return t * y[0];
    }

    /** Gradient of {@link #readBetween}, {@link #calledBetween}, {@link #copiedBetween}, {@link #arraycopiedBetween}. */
    public static double[] betweenGradient(double[] x) {
        return new double[] {2 * x[0] + x[1], x[0]};
    }

    /** x0 (x0 + x1), the first value of y[0] kept in a field by a call. */
    public static double calledBetween(double[] x) {
        double[] y = new double[1];
        y[0] += x[0];
        keep(y[0]);
        y[0] -= -x[1];
        return kept * y[0];
    }

    private static void keep(double v) {
        kept = v;
    }

    /** x0 (x0 + x1), the first value of y[0] in a clone. */
    public static double copiedBetween(double[] x) {
        double[] y = new double[1];
        y[0] += x[0];
        double[] z = y.clone();
        y[0] += x[1];
        return z[0] * y[0];
    }

    /** x0 (x0 + x1), the first value of y[0] copied by System.arraycopy. */
    public static double arraycopiedBetween(double[] x) {
        double[] y = new double[1];
        double[] z = new double[1];
        y[0] += x[0];
        System.arraycopy(y, 0, z, 0, 1);
        y[0] += x[1];
        return z[0] * y[0];
    }

    /** y = x0 + x0 x1 + x1: the second sum reads y[0] itself; the third appends again. */
    public static double readInside(double[] x) {
        double[] y = new double[1];
        y[0] += x[0];
        y[0] += y[0] * x[1];
        y[0] += x[1];
        return y[0];
    }

    public static double[] readInsideGradient(double[] x) {
        return new double[] {1 + x[1], x[0] + 1};
    }

    /** y = (x0 - x1) x0 + x1 through an alias, a product and a nested compound assignment. */
    public static double mixed(double[] x) {
        double[] y = new double[2];
        double[] alias = y;
        y[1] += x[0];
        alias[1] -= x[1];
        y[1] *= x[0];
        y[0] += (y[1] += x[1]);
        return y[0] + y[1];
    }

    public static double[] mixedGradient(double[] x) {
        // y1 = (x0 - x1) x0 + x1, y0 = y1, result 2 y1.
        return new double[] {2 * (2 * x[0] - x[1]), 2 * (1 - x[0])};
    }

    /** {@link #matVec} written {@code y[i] = y[i] + ...}, rows of a two-dimensional array. */
    public static double matVecLongForm(double[] x) {
        int m = 7;
        double[][] y = new double[m][1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i][0] = y[i][0] + a(i, j) * x[j];
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += y[i][0] * y[i][0];
        }
        return s;
    }

    /** y1 = x0, then y[i++] = y[i] + x1 stores y1 + x1 into y[0]: the two runs name other elements. */
    public static double shiftedIndex(double[] x) {
        double[] y = new double[2];
        int i = 0;
        y[1] = x[0] * x[0];
        y[0] = x[0];
        y[i++] = y[i] + x[1];
        return y[0] * y[1];
    }

    public static double[] shiftedIndexGradient(double[] x) {
        // (x0^2 + x1) x0^2
        double q = x[0] * x[0];
        return new double[] {2 * x[0] * q + (q + x[1]) * 2 * x[0], q};
    }
}
