package com.example.corpus.finance;

/**
 * Yield to maturity by Newton's method (an implicit function): a fast attempt that gives up by
 * throwing, caught by the caller, which brackets by bisection and runs Newton again.
 */
public final class YieldToMaturity {

    static final int PERIODS = 8;

    private YieldToMaturity() {
    }

    static final class NoConvergenceException extends RuntimeException {
        NoConvergenceException(int iterations) {
            super("no convergence after " + iterations + " iterations");
        }
    }

    /** Price of an annual-coupon bond of face 1 at yield y. */
    static double price(double y, double coupon) {
        double p = 0;
        double discount = 1;
        for (int k = 1; k <= PERIODS; k++) {
            discount /= 1 + y;
            p += coupon * discount;
        }
        return p + discount;
    }

    static double priceDerivative(double y, double coupon) {
        double d = 0;
        for (int k = 1; k <= PERIODS; k++) {
            d -= k * coupon / Math.pow(1 + y, k + 1);
        }
        return d - PERIODS / Math.pow(1 + y, PERIODS + 1);
    }

    static double newton(double target, double coupon, double guess, int maxIterations) {
        double y = guess;
        for (int i = 0; i < maxIterations; i++) {
            double step = (price(y, coupon) - target) / priceDerivative(y, coupon);
            y -= step;
            if (Math.abs(step) < 1e-13) {
                return y;
            }
        }
        throw new NoConvergenceException(maxIterations);
    }

    static double bisect(double target, double coupon, double lo, double hi, int rounds) {
        for (int i = 0; i < rounds; i++) {
            double mid = 0.5 * (lo + hi);
            if (price(mid, coupon) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** @param x market price (per unit face), coupon rate */
    public static double f(double[] x) {
        try {
            return newton(x[0], x[1], 0.0, 3);
        } catch (NoConvergenceException e) {
            double start = bisect(x[0], x[1], -0.5, 1.0, 20);
            return newton(x[0], x[1], start, 50);
        }
    }

    /** Implicit function theorem: dy/dprice = 1 / P_y, dy/dc = -P_c / P_y. */
    public static double[] gradient(double[] x) {
        double y = f(x);
        double py = priceDerivative(y, x[1]);
        double pc = 0;
        for (int k = 1; k <= PERIODS; k++) {
            pc += 1 / Math.pow(1 + y, k);
        }
        return new double[] {1 / py, -pc / py};
    }
}
