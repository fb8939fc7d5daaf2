package com.example.diag;

/** Instrumented methods and a constructor taking doubles before a double[]. */
final class Callee {
    private final double m;
    private final double[] v;

    Callee(double m, double[] v) {
        this.m = m;
        this.v = v;
    }

    double product() {
        return m * v[0];
    }

    double withOffset(double a, double k, double[] w) {
        return m * a * w[0] + k;
    }

    static double take(double a, double[] w) {
        return a * w[0];
    }
}
