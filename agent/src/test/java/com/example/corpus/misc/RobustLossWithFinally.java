package com.example.corpus.misc;

/**
 * A robust log-loss that validates each residual in a nested call and throws from inside the
 * expression being evaluated; the catch charges a linear penalty, a finally block updates
 * double fields, so the loop keeps going after each unwinding.
 */
public final class RobustLossWithFinally {

    private RobustLossWithFinally() {
    }

    static final class InvalidResidualException extends RuntimeException {
        InvalidResidualException(double r) {
            super("residual " + r + " is not positive");
        }
    }

    static final class Accumulator {
        double total;
        double lastResidual;
        int evaluated;

        double positive(double r) {
            if (r <= 0) {
                throw new InvalidResidualException(r);
            }
            return r;
        }

        void add(double observed, double predicted, double weight) {
            try {
                total += weight * Math.log(positive(observed - predicted) + 1) * scaleOf(predicted);
            } catch (InvalidResidualException e) {
                total += weight * (predicted - observed);
            } finally {
                lastResidual = observed - predicted;
                evaluated++;
            }
        }

        static double scaleOf(double predicted) {
            return 1 + 0.1 * predicted * predicted;
        }
    }

    /** @param x intercept, slope; fits six observations */
    public static double f(double[] x) {
        double[] t = {0, 1, 2, 3, 4, 5};
        double[] y = {1.0, 3.2, 4.1, 7.9, 8.2, 11.5};
        Accumulator acc = new Accumulator();
        for (int i = 0; i < t.length; i++) {
            acc.add(y[i], x[0] + x[1] * t[i], 1 + 0.5 * i);
        }
        return acc.total + 0.01 * acc.lastResidual * acc.evaluated;
    }
}
