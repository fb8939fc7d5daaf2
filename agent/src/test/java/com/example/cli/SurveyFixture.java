package com.example.cli;

/**
 * The survey's example y = ln x1 + x1 x2 - sin x2 (Baydin et al. 2018), written in the survey's
 * evaluation order so that the traces of {@code grad --trace} reproduce its Tables 2 and 3.
 */
public final class SurveyFixture {

    private SurveyFixture() {
    }

    /** y at x = (x1, x2); expected at (2, 5): 11.652, gradient (5.500, 1.716). */
    public static double f(double[] x) {
        double x1 = x[0];
        double x2 = x[1];
        double v1 = Math.log(x1);
        double v2 = x1 * x2;
        double v3 = Math.sin(x2);
        double v4 = v1 + v2;
        return v4 - v3;
    }

    /** The same function of two scalars. */
    public static double scalars(double x1, double x2) {
        double v1 = Math.log(x1);
        double v2 = x1 * x2;
        double v3 = Math.sin(x2);
        double v4 = v1 + v2;
        return v4 - v3;
    }

    /** Does not depend on x. */
    public static double constant(double[] x) {
        return x.length * 2.5;
    }

    /** Throws for x1 <= 0, like a model that validates its input. */
    public static double checked(double[] x) {
        if (x[0] <= 0) {
            throw new IllegalArgumentException("x1 must be positive, was " + x[0]);
        }
        return Math.log(x[0]);
    }

    /** x + floor(x): AD sees slope 1 everywhere, central differences see the jump at integers. */
    public static double stepped(double[] x) {
        return x[0] + Math.floor(x[0]);
    }

    /** Not static: grad cannot call it. */
    public double instance(double[] x) {
        return x[0];
    }

    /** Unsupported signature. */
    public static int count(int n) {
        return n;
    }
}
