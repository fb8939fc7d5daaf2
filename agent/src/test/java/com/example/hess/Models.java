package com.example.hess;

import java.util.function.DoubleUnaryOperator;

/**
 * Plain Java models whose Hessians the end-to-end tests take: compiled normally, rewritten by
 * the agent as they load (loops, expressions, objects, static calls, a lambda, Math functions).
 */
public final class Models {

    private Models() {
    }

    /** Extended Rosenbrock; {@code 100 * a * a + b * b} is one folded statement on a first-order tape. */
    public static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** sin(x0) exp(x1) + ln(x2) / x0 + x1^x2, through an object and a static helper. */
    public static double mixed(double[] x) {
        Wave w = new Wave(x[0]);
        return w.at(x[1]) + Math.log(x[2]) / x[0] + power(x[1], x[2]);
    }

    static double power(double base, double exponent) {
        return Math.pow(base, exponent);
    }

    /** log(sum exp(x_i)), computed stably. */
    public static double logSumExp(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - m);
        }
        return m + Math.log(s);
    }

    /** 0.5 x^T A x + sum x_i^3 / 3, the cube through a lambda. */
    public static double quadraticPlusCubic(double[] x, double[][] a) {
        DoubleUnaryOperator cube = v -> v * v * v / 3;
        double q = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                q += 0.5 * a[i][j] * x[i] * x[j];
            }
            q += cube.applyAsDouble(x[i]);
        }
        return q;
    }

    static final class Wave {
        private final double phase;

        Wave(double phase) {
            this.phase = phase;
        }

        double at(double y) {
            return Math.sin(phase) * Math.exp(y);
        }
    }
}
