package bench.hand;

import bench.model.Morse;

/** The forces of {@link Morse}, negated: {@code dE/dr} per pair times the unit vector between the atoms. */
public final class MorseHand {
    private MorseHand() {
    }

    public static double[] gradient(Morse m, double[] x) {
        int atoms = x.length / 3;
        double[] g = new double[x.length];
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double dx = x[3 * i] - x[3 * j];
                double dy = x[3 * i + 1] - x[3 * j + 1];
                double dz = x[3 * i + 2] - x[3 * j + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                double ex = Math.exp(-m.width * (r - m.r0));
                // dE/dr = 2 D (1 - ex) a ex, over r for the unit vector (dx, dy, dz) / r.
                double s = 2 * m.depth * (1 - ex) * m.width * ex / r;
                g[3 * i] += s * dx;
                g[3 * i + 1] += s * dy;
                g[3 * i + 2] += s * dz;
                g[3 * j] -= s * dx;
                g[3 * j + 1] -= s * dy;
                g[3 * j + 2] -= s * dz;
            }
        }
        return g;
    }
}
