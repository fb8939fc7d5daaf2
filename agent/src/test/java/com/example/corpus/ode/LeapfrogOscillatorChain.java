package com.example.corpus.ode;

/**
 * A chain of anharmonic oscillators integrated by leapfrog: an abstract symplectic integrator with
 * a template method, kick and drift steps on arrays, a Hamiltonian behind an interface.
 */
public final class LeapfrogOscillatorChain {

    private LeapfrogOscillatorChain() {
    }

    interface Hamiltonian {
        void force(double[] q, double[] out);

        double energy(double[] q, double[] p);
    }

    static final class AnharmonicChain implements Hamiltonian {
        private final double stiffness;
        private final double quartic;

        AnharmonicChain(double stiffness, double quartic) {
            this.stiffness = stiffness;
            this.quartic = quartic;
        }

        @Override
        public void force(double[] q, double[] out) {
            java.util.Arrays.fill(out, 0.0);
            for (int i = 0; i <= q.length; i++) {
                double left = i == 0 ? 0 : q[i - 1];
                double right = i == q.length ? 0 : q[i];
                double s = right - left;
                double tension = stiffness * s + quartic * s * s * s;
                if (i > 0) {
                    out[i - 1] += tension;
                }
                if (i < q.length) {
                    out[i] -= tension;
                }
            }
        }

        @Override
        public double energy(double[] q, double[] p) {
            double e = 0;
            for (double v : p) {
                e += 0.5 * v * v;
            }
            for (int i = 0; i <= q.length; i++) {
                double s = (i == q.length ? 0 : q[i]) - (i == 0 ? 0 : q[i - 1]);
                e += 0.5 * stiffness * s * s + 0.25 * quartic * s * s * s * s;
            }
            return e;
        }
    }

    abstract static class SymplecticIntegrator {
        protected final Hamiltonian system;
        protected final double[] scratch;

        SymplecticIntegrator(Hamiltonian system, int n) {
            this.system = system;
            this.scratch = new double[n];
        }

        abstract void kick(double[] q, double[] p, double h);

        abstract void drift(double[] q, double[] p, double h);

        final void step(double[] q, double[] p, double h) {
            kick(q, p, h / 2);
            drift(q, p, h);
            kick(q, p, h / 2);
        }
    }

    static final class Leapfrog extends SymplecticIntegrator {
        Leapfrog(Hamiltonian system, int n) {
            super(system, n);
        }

        @Override
        void kick(double[] q, double[] p, double h) {
            system.force(q, scratch);
            for (int i = 0; i < p.length; i++) {
                p[i] += h * scratch[i];
            }
        }

        @Override
        void drift(double[] q, double[] p, double h) {
            for (int i = 0; i < q.length; i++) {
                q[i] += h * p[i];
            }
        }
    }

    /** @param x three positions, three momenta, stiffness; returns final energy plus first position */
    public static double f(double[] x) {
        double[] q = java.util.Arrays.copyOfRange(x, 0, 3);
        double[] p = java.util.Arrays.copyOfRange(x, 3, 6);
        Hamiltonian h = new AnharmonicChain(x[6], 0.3);
        SymplecticIntegrator integrator = new Leapfrog(h, 3);
        for (int n = 0; n < 100; n++) {
            integrator.step(q, p, 0.02);
        }
        return h.energy(q, p) + q[0];
    }
}
