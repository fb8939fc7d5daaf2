package com.example.corpus.ode;

/**
 * A forced linear ODE integrated by an adaptive Heun-Euler pair: accepted and rejected steps,
 * step-size control by the error estimate, a final step clipped to the end time.
 */
public final class AdaptiveHeunEuler {

    private static final double TOLERANCE = 1e-4;
    private static final double END = 2.0;

    private AdaptiveHeunEuler() {
    }

    static final class ForcedDecay {
        final double decay;
        final double frequency;

        ForcedDecay(double decay, double frequency) {
            this.decay = decay;
            this.frequency = frequency;
        }

        double rate(double t, double y) {
            return -decay * y + Math.sin(frequency * t);
        }
    }

    /** @param x decay, forcing frequency, initial value; returns y(2) */
    public static double f(double[] x) {
        ForcedDecay ode = new ForcedDecay(x[0], x[1]);
        double t = 0;
        double y = x[2];
        double h = 0.1;
        while (t < END) {
            h = Math.min(h, END - t);
            double k1 = ode.rate(t, y);
            double k2 = ode.rate(t + h, y + h * k1);
            double heun = y + h / 2 * (k1 + k2);
            double error = Math.abs(heun - (y + h * k1));
            if (error > TOLERANCE && h > 1e-6) {
                h *= 0.5;
                continue;
            }
            t += h;
            y = heun;
            h = error == 0 ? 2 * h : Math.min(2 * h, 0.9 * h * Math.sqrt(TOLERANCE / error));
        }
        return y;
    }
}
