package dev.ad4j.bench;

import bench.model.LeastSquares;
import bench.model.LogisticRegression;
import bench.model.LotkaVolterraRk4;
import bench.model.LotkaVolterraRk4Scalars;
import bench.model.Mlp;
import bench.model.Morse;
import bench.model.MorseObjects;
import java.util.Random;

/**
 * The benchmark problems with their data and evaluation points, from fixed seeds so that
 * every fork (and {@link Check}) sees the same numbers.
 */
public final class Problems {
    private Problems() {
    }

    /** Samples and features of the logistic regression. */
    public static final int LOGREG_N = 1000;
    public static final int LOGREG_D = 50;
    /** Batch, inputs and hidden units of the MLP. */
    public static final int MLP_BATCH = 64;
    public static final int MLP_IN = 10;
    public static final int MLP_HIDDEN = 32;
    /** RK4 steps and step size (T = 10). */
    public static final int ODE_STEPS = 1000;
    public static final double ODE_H = 0.01;
    /** Rows and columns of the least-squares matrix. */
    public static final int LSQ_M = 200;
    public static final int LSQ_N = 100;
    /** Atoms of the Morse cluster (a 5 x 5 x 4 lattice) and its lattice spacing. */
    public static final int MORSE_ATOMS = 100;
    public static final double MORSE_SPACING = 1.2;

    /** Rosenbrock's classic start point (-1.2, 1, -1.2, 1, ...), of length n. */
    public static double[] rosenbrockPoint(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1.0;
        }
        return x;
    }

    /** Gaussian features, labels drawn from a logistic model with random true weights. */
    public static LogisticRegression logisticRegression() {
        Random r = new Random(7);
        int n = LOGREG_N, d = LOGREG_D;
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = r.nextGaussian() / Math.sqrt(d);
        }
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = r.nextGaussian();
                z += x[i * d + j] * w[j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new LogisticRegression(x, y, n, d);
    }

    /** The point the logistic-regression gradient is taken at. */
    public static double[] logisticRegressionPoint() {
        return gaussian(new Random(8), LOGREG_D, 0.1);
    }

    /** A regression batch: Gaussian inputs, targets {@code sin(sum x / 2)}. */
    public static Mlp mlp() {
        Random r = new Random(9);
        double[] x = gaussian(r, MLP_BATCH * MLP_IN, 1);
        double[] t = new double[MLP_BATCH];
        for (int s = 0; s < MLP_BATCH; s++) {
            double sum = 0;
            for (int k = 0; k < MLP_IN; k++) {
                sum += x[s * MLP_IN + k];
            }
            t[s] = Math.sin(sum / 2);
        }
        return new Mlp(x, t, MLP_BATCH, MLP_IN, MLP_HIDDEN);
    }

    /** Parameters with scale {@code 1/sqrt(fan-in)}. */
    public static double[] mlpPoint(Mlp m) {
        Random r = new Random(10);
        double[] p = new double[m.parameters()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextGaussian() / Math.sqrt(i < m.hidden * m.in ? m.in : m.hidden);
        }
        return p;
    }

    /** A 200 x 100 Gaussian matrix and right-hand side. */
    public static LeastSquares leastSquares() {
        Random r = new Random(12);
        double[][] a = new double[LSQ_M][];
        for (int i = 0; i < LSQ_M; i++) {
            a[i] = gaussian(r, LSQ_N, 1);
        }
        return new LeastSquares(a, gaussian(r, LSQ_M, 1));
    }

    /** The point the least-squares gradient is taken at. */
    public static double[] leastSquaresPoint() {
        return gaussian(new Random(13), LSQ_N, 0.1);
    }

    public static LotkaVolterraRk4 ode() {
        return new LotkaVolterraRk4(ODE_STEPS, ODE_H);
    }

    /** {@link #ode()} written with scalar locals in one method. */
    public static LotkaVolterraRk4Scalars odeScalars() {
        return new LotkaVolterraRk4Scalars(ODE_STEPS, ODE_H);
    }

    /** (a, b, c, d, x0, y0). */
    public static double[] odePoint() {
        return new double[] {1.5, 1.0, 1.0, 3.0, 1.0, 1.0};
    }

    /** The logistic map's start point. */
    public static double[] logisticMapPoint() {
        return new double[] {0.3};
    }

    /** The Morse potential with well depth 1, width 1.6 and equilibrium distance equal to the lattice spacing. */
    public static Morse morse() {
        return new Morse(1.0, 1.6, MORSE_SPACING);
    }

    /** {@link #morse()}'s potential written with {@code Vec3} objects (the same function, to the bit). */
    public static MorseObjects morseObjects() {
        return new MorseObjects(1.0, 1.6, MORSE_SPACING);
    }

    /** A 5 x 5 x 4 lattice of the Morse atoms, each displaced by Gaussian noise (0.1 spacings). */
    public static double[] morsePoint() {
        Random r = new Random(14);
        double[] x = new double[3 * MORSE_ATOMS];
        for (int a = 0; a < MORSE_ATOMS; a++) {
            int[] cell = {a % 5, a / 5 % 5, a / 25};
            for (int k = 0; k < 3; k++) {
                x[3 * a + k] = MORSE_SPACING * (cell[k] + 0.1 * r.nextGaussian());
            }
        }
        return x;
    }

    static double[] gaussian(Random r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * r.nextGaussian();
        }
        return v;
    }
}
