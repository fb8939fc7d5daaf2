package com.example.corpus.ode;

/**
 * Exponential decay by explicit Euler through an abstract fixed-step integrator; the right-hand
 * side is a lambda capturing the decay rate (a captured double).
 */
public final class ExplicitEulerDecay {

    static final int STEPS = 40;
    static final double H = 0.05;

    private ExplicitEulerDecay() {
    }

    @FunctionalInterface
    interface ScalarOde {
        double rate(double t, double y);
    }

    abstract static class FixedStepIntegrator {
        protected final double h;

        FixedStepIntegrator(double h) {
            this.h = h;
        }

        abstract double advance(ScalarOde ode, double t, double y);

        final double integrate(ScalarOde ode, double y0, int steps) {
            double t = 0;
            double y = y0;
            for (int n = 0; n < steps; n++) {
                y = advance(ode, t, y);
                t += h;
            }
            return y;
        }
    }

    static final class Euler extends FixedStepIntegrator {
        Euler(double h) {
            super(h);
        }

        @Override
        double advance(ScalarOde ode, double t, double y) {
            return y + h * ode.rate(t, y);
        }
    }

    /** @param x decay rate k, initial value y0 */
    public static double f(double[] x) {
        double k = x[0];
        ScalarOde decay = (t, y) -> -k * y;
        return new Euler(H).integrate(decay, x[1], STEPS);
    }

    /** y_N = y0 (1 - k h)^N. */
    public static double[] gradient(double[] x) {
        double k = x[0];
        double y0 = x[1];
        return new double[] {
            -H * STEPS * y0 * Math.pow(1 - k * H, STEPS - 1),
            Math.pow(1 - k * H, STEPS),
        };
    }
}
