package com.example.numeric;

/** Small functions whose traces have shapes the survey example does not. */
public final class TraceShapes {
    private TraceShapes() {
    }

    /** Returns its first input as it is: the output is an input, not a statement above them. */
    public static double first(double[] x) {
        return x[0];
    }

    /** A constant on the right of a product: {@code (x0 x1) * 2}. */
    public static double doubled(double[] x) {
        double u = x[0] * x[1];
        return u * 2;
    }
}
