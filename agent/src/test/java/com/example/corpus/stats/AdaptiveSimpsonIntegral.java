package com.example.corpus.stats;

import java.util.function.DoubleUnaryOperator;

/**
 * A normalising constant by recursive adaptive Simpson quadrature (double arguments and results
 * through recursion) of a density lambda that captures its parameters.
 */
public final class AdaptiveSimpsonIntegral {

    private AdaptiveSimpsonIntegral() {
    }

    static double simpson(DoubleUnaryOperator f, double a, double b) {
        double m = 0.5 * (a + b);
        return (b - a) / 6 * (f.applyAsDouble(a) + 4 * f.applyAsDouble(m) + f.applyAsDouble(b));
    }

    static double adaptive(DoubleUnaryOperator f, double a, double b, double whole, double tolerance, int depth) {
        double m = 0.5 * (a + b);
        double left = simpson(f, a, m);
        double right = simpson(f, m, b);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * tolerance) {
            return left + right + delta / 15;
        }
        return adaptive(f, a, m, left, tolerance / 2, depth - 1) + adaptive(f, m, b, right, tolerance / 2, depth - 1);
    }

    /** @param x shape, rate, upper limit; integrates t^(shape-1) e^(-rate t) from 0.1 to the limit */
    public static double f(double[] x) {
        double shape = x[0];
        double rate = x[1];
        DoubleUnaryOperator density = t -> Math.pow(t, shape - 1) * Math.exp(-rate * t);
        return adaptive(density, 0.1, x[2], simpson(density, 0.1, x[2]), 1e-3, 6);
    }
}
