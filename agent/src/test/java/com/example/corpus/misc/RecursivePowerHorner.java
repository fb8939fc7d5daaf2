package com.example.corpus.misc;

/** A polynomial by recursive Horner evaluation plus t^7 by recursive squaring (int exponents). */
public final class RecursivePowerHorner {

    private RecursivePowerHorner() {
    }

    static double power(double base, int n) {
        if (n == 0) {
            return 1;
        }
        if (n % 2 == 0) {
            double half = power(base, n / 2);
            return half * half;
        }
        return base * power(base, n - 1);
    }

    static double horner(double[] coefficients, int i, double t) {
        return i == coefficients.length ? 0 : coefficients[i] + t * horner(coefficients, i + 1, t);
    }

    /** @param x t, then coefficients c0..c3 */
    public static double f(double[] x) {
        double[] coefficients = java.util.Arrays.copyOfRange(x, 1, x.length);
        return horner(coefficients, 0, x[0]) + power(x[0], 7);
    }

    /** d/dt = c1 + 2 c2 t + 3 c3 t^2 + 7 t^6, d/dc_k = t^k. */
    public static double[] gradient(double[] x) {
        double t = x[0];
        return new double[] {x[2] + 2 * x[3] * t + 3 * x[4] * t * t + 7 * Math.pow(t, 6), 1, t, t * t, t * t * t};
    }
}
