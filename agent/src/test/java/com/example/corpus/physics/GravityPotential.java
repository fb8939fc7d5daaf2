package com.example.corpus.physics;

/** Gravitational potential energy of a small cluster of bodies, positions in a double[][] field. */
public final class GravityPotential {

    private static final double[] MASSES = {1.0, 2.0, 1.5, 0.5};
    private static final double G = 1.0;

    private GravityPotential() {
    }

    static final class Cluster {
        private final double[] masses;
        private final double[][] positions;

        Cluster(double[] masses, double[][] positions) {
            this.masses = masses;
            this.positions = positions;
        }

        double potentialEnergy() {
            double u = 0;
            for (int i = 0; i < masses.length; i++) {
                for (int j = i + 1; j < masses.length; j++) {
                    u -= G * masses[i] * masses[j] / norm(difference(positions[i], positions[j]));
                }
            }
            return u;
        }

        static double[] difference(double[] a, double[] b) {
            double[] d = new double[a.length];
            for (int k = 0; k < a.length; k++) {
                d[k] = a[k] - b[k];
            }
            return d;
        }

        static double norm(double[] v) {
            double s = 0;
            for (double c : v) {
                s += c * c;
            }
            return Math.sqrt(s);
        }
    }

    /** @param x 2-D positions of four bodies, flattened */
    public static double f(double[] x) {
        double[][] positions = new double[MASSES.length][2];
        for (int i = 0; i < MASSES.length; i++) {
            positions[i][0] = x[2 * i];
            positions[i][1] = x[2 * i + 1];
        }
        return new Cluster(MASSES, positions).potentialEnergy();
    }

    /** dU/dp_i = sum over j != i of G m_i m_j (p_i - p_j) / r_ij^3. */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < MASSES.length; i++) {
            for (int j = 0; j < MASSES.length; j++) {
                if (i != j) {
                    double dx = x[2 * i] - x[2 * j];
                    double dy = x[2 * i + 1] - x[2 * j + 1];
                    double r = Math.sqrt(dx * dx + dy * dy);
                    double c = G * MASSES[i] * MASSES[j] / (r * r * r);
                    g[2 * i] += c * dx;
                    g[2 * i + 1] += c * dy;
                }
            }
        }
        return g;
    }
}
