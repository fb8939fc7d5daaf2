package com.example.numeric;

/**
 * Loops whose blocks access one array more than once through the same local or field, which
 * share a shadow cache, and the ways what a cache remembers goes stale between two such accesses:
 * another local that names the same array stores into it (giving it its first shadow), the local
 * is reassigned between an access's push of the array and its load, and a call made inside an
 * access reassigns the field the access reads its array from.
 */
public final class StaleCaches {
    private static final double[] ZEROS = new double[64];

    private double[] field;

    private StaleCaches(double[] field) {
        this.field = field;
    }

    /** sum (x[i+1] - x[i]^2)^2 + x[i] x[i+1]: two elements of x per block. */
    public static double twoElements(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            s += a * a + x[i] * x[i + 1];
        }
        return s;
    }

    public static double[] twoElementsGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -4 * x[i] * a + x[i + 1];
            g[i + 1] += 2 * a + x[i];
        }
        return g;
    }

    /**
     * sum x[i]^2, read back from a fresh array through one local after another local that names
     * the same array stored into it in the same block: the store gives the array its shadow.
     */
    public static double aliasStores(double[] x) {
        double[] t = new double[x.length];
        double[] u = t;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += t[i];
            u[i] = x[i] * x[i];
            s += t[i];
        }
        return s;
    }

    public static double[] aliasStoresGradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = 2 * x[i];
        }
        return g;
    }

    /**
     * sum ZEROS[n-1-i] + x[i]: in {@code a[(a = x).length - 1 - i]} the load reads the array
     * {@code a} held before the assignment (zeros), and the next access reads x.
     */
    public static double reassignedMidAccess(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double[] a = ZEROS;
            if (x.length > 0) {
                s += a[(a = x).length - 1 - i] + 3 * a[i];
            }
        }
        return s;
    }

    public static double[] reassignedMidAccessGradient(double[] x) {
        double[] g = new double[x.length];
        java.util.Arrays.fill(g, 3);
        return g;
    }

    /** sum ZEROS[i] + 2 x[i]: a call inside the first access's index points the field at x. */
    public static double fieldReassignedByCall(double[] x) {
        return new StaleCaches(ZEROS).readThroughField(x);
    }

    private double readThroughField(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            field = ZEROS;
            if (x.length > 0) {
                s += field[pointAt(x, i)] + 2 * field[i];
            }
        }
        return s;
    }

    private int pointAt(double[] x, int i) {
        field = x;
        return i;
    }

    public static double[] fieldReassignedByCallGradient(double[] x) {
        double[] g = new double[x.length];
        java.util.Arrays.fill(g, 2);
        return g;
    }
}
