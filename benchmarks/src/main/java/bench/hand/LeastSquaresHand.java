package bench.hand;

import bench.model.LeastSquares;

/** Gradient of {@link LeastSquares}: {@code A^T (A x - b)}. */
public final class LeastSquaresHand {
    private LeastSquaresHand() {
    }

    public static double[] gradient(LeastSquares f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < f.a.length; i++) {
            double[] row = f.a[i];
            double r = -f.b[i];
            for (int j = 0; j < x.length; j++) {
                r += row[j] * x[j];
            }
            for (int j = 0; j < x.length; j++) {
                g[j] += r * row[j];
            }
        }
        return g;
    }
}
