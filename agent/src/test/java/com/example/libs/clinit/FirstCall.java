package com.example.libs.clinit;

/**
 * Calls {@link Tables#scaled} for the first time inside a gradient recording: class
 * initialization then runs between the caller's passing of the argument and the callee's entry.
 */
public final class FirstCall {

    private FirstCall() {
    }

    /** {@code Tables.scaled(x0) + x1}: gradient {@code (3 x0, 1)}. */
    public static double f(double[] x) {
        return Tables.scaled(x[0]) + x[1];
    }
}
