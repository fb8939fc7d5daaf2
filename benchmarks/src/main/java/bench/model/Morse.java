package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * The potential energy of a cluster of atoms under the Morse pair potential,
 * {@code E = sum over pairs i < j of D (1 - exp(-a (r_ij - r0)))^2}, with
 * {@code r_ij = |x_i - x_j|} and the positions {@code x = (x_0, y_0, z_0, x_1, ...)}: its
 * gradient is the negated forces of a molecular-dynamics step. Each pair costs a square root and
 * an exponential, so this is the transcendental-heavy row of the benchmarks.
 */
public final class Morse implements ScalarFunction {
    /** Well depth {@code D}, width {@code a} and equilibrium distance {@code r0}. */
    public final double depth;
    public final double width;
    public final double r0;

    public Morse(double depth, double width, double r0) {
        this.depth = depth;
        this.width = width;
        this.r0 = r0;
    }

    @Override
    public double apply(double[] x) {
        int atoms = x.length / 3;
        double e = 0;
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double q = 1 - Math.exp(-width * (r - r0));
                e += depth * q * q;
            }
        }
        return e;
    }
}
