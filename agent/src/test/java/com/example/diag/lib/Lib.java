package com.example.diag.lib;

/** A library class that {@code DiagnosticsIT} excludes from rewriting. */
public final class Lib {
    private Lib() {
    }

    public static double sumSq(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return s;
    }
}
