package com.example.regress;

import java.util.function.DoubleBinaryOperator;

/**
 * Found by the differential fuzzer (seed 127, all features, program 2642), minimised; a false
 * alarm of the oracle. {@code h} takes {@code cos(u * u)} with {@code u * u} about 5.8e7, so its
 * derivative oscillates faster than any difference step resolves; it reaches the result only
 * through a denominator, 1e-4 of the gradient. Differences with steps 1e-5 to 1e-7 agree with
 * each other and miss it, so the oracle reports a mismatch; forward-mode dual numbers reproduce
 * ad4j's value to the last digits (see FuzzRegressionTest).
 */
public final class OscillationInDenominator {

    static double s;

    private OscillationInDenominator() {
    }

    static double h(double a) {
        double u = a;
        u += u;
        a *= 0.5 + 0.5 * Math.cos(2.0);
        a += Math.cos(u * u);
        return a;
    }

    static double r(double a) {
        return a * (double) (int) (a * 2.0);
    }

    public static double f(double[] x) {
        double v0 = 0.5 * x[1];
        double v1 = 1.5 * x[1];
        s = 0.25 * x[0];
        DoubleBinaryOperator l2 = (t, w) -> h(t);
        for (int i = 0; i < 3; i++) {
            s += s + (x[0] + s);
        }
        for (int w = 0; w < 3; w++) {
            v1 += r(s);
        }
        v0 /= 1.0 + (v0 * l2.applyAsDouble(v1, v1)) * (v0 * l2.applyAsDouble(v1, v1));
        return (v1 + v0) + 0.125 * x[0];
    }
}
