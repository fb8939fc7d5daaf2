package com.example.cli;

/** Vector-valued fixtures for {@code grad --jacobian}, each with its Jacobian in closed form. */
public final class VectorFixture {

    private VectorFixture() {
    }

    /** f(x) = (x1 x2, sin x1 + x3², x3 / x2, exp(x1) x3) for x in R^3. */
    public static double[] f(double[] x) {
        double[] y = new double[4];
        y[0] = x[0] * x[1];
        y[1] = Math.sin(x[0]) + x[2] * x[2];
        y[2] = x[2] / x[1];
        y[3] = Math.exp(x[0]) * x[2];
        return y;
    }

    /** The Jacobian of {@link #f} by hand, 4 x 3. */
    public static double[][] fJacobian(double[] x) {
        return new double[][] {
            {x[1], x[0], 0},
            {Math.cos(x[0]), 0, 2 * x[2]},
            {0, -x[2] / (x[1] * x[1]), 1 / x[1]},
            {Math.exp(x[0]) * x[2], 0, Math.exp(x[0])},
        };
    }

    /** Polar to Cartesian: (r cos t, r sin t), a method of two scalars. */
    public static double[] polar(double r, double t) {
        return new double[] {r * Math.cos(t), r * Math.sin(t)};
    }
}
