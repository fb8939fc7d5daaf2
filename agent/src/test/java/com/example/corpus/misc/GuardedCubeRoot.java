package com.example.corpus.misc;

/**
 * Sum of cube roots by Newton's method; the solver rejects non-positive input by throwing and the
 * caller catches that and uses the odd symmetry instead.
 */
public final class GuardedCubeRoot {

    private GuardedCubeRoot() {
    }

    static double newtonCubeRoot(double a) {
        if (a <= 0) {
            throw new IllegalArgumentException("cube root needs a positive argument, got " + a);
        }
        double y = a > 1 ? a / 3 : 1;
        for (int i = 0; i < 100; i++) {
            double next = (2 * y + a / (y * y)) / 3;
            if (Math.abs(next - y) <= 1e-15 * next) {
                return next;
            }
            y = next;
        }
        return y;
    }

    static double cubeRoot(double a) {
        try {
            return newtonCubeRoot(a);
        } catch (IllegalArgumentException e) {
            return -newtonCubeRoot(-a);
        }
    }

    /** @param x nonzero numbers of either sign */
    public static double f(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (i + 1) * cubeRoot(x[i]);
        }
        return s;
    }

    /** d/dx cbrt(x) = 1 / (3 cbrt(x)^2). */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double c = Math.cbrt(x[i]);
            g[i] = (i + 1) / (3 * c * c);
        }
        return g;
    }
}
