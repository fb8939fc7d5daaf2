package com.example.numeric;

/** The extended Rosenbrock function, written as a plain loop over an array. */
public final class Rosenbrock {

    private Rosenbrock() {
    }

    public static double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** Hand-written gradient, the closed form the tests compare against. */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * a * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }
}
