package com.example.regress;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Found by the differential fuzzer (seed 149, all features, program 1283), minimised; a false
 * alarm of the oracle. {@code d} depends on {@code x[1]} only and reaches about 3e5; the result
 * is {@code ((-d) + s) + d + x1 / 8} with {@code s = x0 / 4}, so {@code d} cancels out but rounds
 * {@code s} to a grid of ulp(3e5), about 6e-11. Differences in {@code x0} then see that grid
 * (0.2500019 with steps 1e-5 and 1e-6) where the derivative is exactly 0.25, which ad4j gives.
 */
public final class CancellationOfALargeIntermediate {

    static double s;

    private CancellationOfALargeIntermediate() {
    }

    static double h(double a) {
        double u = (-a) + (a + a);
        if (0.5 < u) {
            u += (-(-u)) + u;
        } else {
            u += Math.cbrt(3.0 * 3.0 + 1.0);
        }
        return Math.max(a * u, Math.log(Math.abs(u) + 1.0));
    }

    public static double f(double[] x) {
        double[] a0 = new double[2];
        s = 0.25 * x[0];
        Double d0 = x[1];
        final double c0 = 1.5 * x[0];
        DoubleUnaryOperator l0 = t -> c0;
        DoubleBinaryOperator l2 = (t, w) -> t;
        d0 += h(a0[0]);
        d0 += h(Math.exp(0.5 * h(d0)));
        return ((s * d0) > d0.doubleValue() ? h(x[0]) : (-d0)) + s + d0 + 0.125 * x[1];
    }
}
