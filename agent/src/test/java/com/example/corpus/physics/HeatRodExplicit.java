package com.example.corpus.physics;

/** Explicit finite-difference heat equation on a rod: array field, clone, arraycopy, a[i] += ... */
public final class HeatRodExplicit {

    private HeatRodExplicit() {
    }

    static final class Rod {
        private double[] temperature;
        private final double diffusivity;
        private final double dx;

        Rod(double[] initial, double diffusivity) {
            this.temperature = initial.clone();
            this.diffusivity = diffusivity;
            this.dx = 1.0 / (initial.length - 1);
        }

        void step(double dt) {
            double[] next = new double[temperature.length];
            System.arraycopy(temperature, 0, next, 0, temperature.length);
            double r = diffusivity * dt / (dx * dx);
            for (int i = 1; i < next.length - 1; i++) {
                next[i] += r * (temperature[i - 1] - 2 * temperature[i] + temperature[i + 1]);
            }
            temperature = next;
        }

        double thermalEnergy() {
            double e = 0;
            for (double t : temperature) {
                e += t * t * dx;
            }
            return e;
        }
    }

    /** @param x diffusivity, then the initial temperatures of eight nodes (ends held fixed) */
    public static double f(double[] x) {
        double[] initial = new double[x.length - 1];
        System.arraycopy(x, 1, initial, 0, initial.length);
        Rod rod = new Rod(initial, x[0]);
        for (int n = 0; n < 50; n++) {
            rod.step(0.01);
        }
        return rod.thermalEnergy();
    }
}
