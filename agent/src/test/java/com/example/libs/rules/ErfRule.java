package com.example.libs.rules;

/**
 * The partials method named by {@code libs/erf.rules}: it receives the arguments of
 * {@code Erf.erf} followed by its result and returns the derivative.
 */
public final class ErfRule {

    private ErfRule() {
    }

    /** d erf(x) / dx = 2 / sqrt(pi) exp(-x^2). */
    public static double erf(double x, double result) {
        return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
    }
}
