package bench.hand;

/** Gradient of {@link bench.model.Rosenbrock}, derived by hand. */
public final class RosenbrockHand {
    private RosenbrockHand() {
    }

    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
            g[i + 1] += 200 * a;
        }
        return g;
    }
}
