package com.example.corpus.ode;

/** Logistic growth integrated by classical Runge-Kutta, system and integrator behind interfaces. */
public final class RungeKuttaLogistic {

    private RungeKuttaLogistic() {
    }

    interface OdeSystem {
        int dimension();

        void derivative(double t, double[] y, double[] dydt);
    }

    interface Integrator {
        void step(OdeSystem system, double t, double[] y, double h);
    }

    static final class ClassicalRungeKutta implements Integrator {
        private double[] k1;
        private double[] k2;
        private double[] k3;
        private double[] k4;
        private double[] tmp;

        @Override
        public void step(OdeSystem system, double t, double[] y, double h) {
            int n = system.dimension();
            if (k1 == null) {
                k1 = new double[n];
                k2 = new double[n];
                k3 = new double[n];
                k4 = new double[n];
                tmp = new double[n];
            }
            system.derivative(t, y, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            system.derivative(t + 0.5 * h, tmp, k2);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            system.derivative(t + 0.5 * h, tmp, k3);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            system.derivative(t + h, tmp, k4);
            for (int i = 0; i < n; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
    }

    static final class Logistic implements OdeSystem {
        private final double rate;
        private final double capacity;

        Logistic(double rate, double capacity) {
            this.rate = rate;
            this.capacity = capacity;
        }

        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public void derivative(double t, double[] y, double[] dydt) {
            dydt[0] = rate * y[0] * (1 - y[0] / capacity);
        }
    }

    /** @param x growth rate, capacity, initial population; returns the population at t = 5 */
    public static double f(double[] x) {
        OdeSystem system = new Logistic(x[0], x[1]);
        Integrator integrator = new ClassicalRungeKutta();
        double[] y = {x[2]};
        double h = 0.1;
        for (int n = 0; n < 50; n++) {
            integrator.step(system, n * h, y, h);
        }
        return y[0];
    }
}
