package bench.hand;

import bench.model.LogisticRegression;

/** Gradient of {@link LogisticRegression}: {@code X^T (sigmoid(X w) - y) / n}. */
public final class LogisticRegressionHand {
    private LogisticRegressionHand() {
    }

    public static double[] gradient(LogisticRegression m, double[] w) {
        int d = m.d;
        double[] g = new double[d];
        for (int i = 0; i < m.n; i++) {
            int row = i * d;
            double z = 0;
            for (int j = 0; j < d; j++) {
                z += m.features[row + j] * w[j];
            }
            double r = (sigmoid(z) - m.labels[i]) / m.n;
            for (int j = 0; j < d; j++) {
                g[j] += r * m.features[row + j];
            }
        }
        return g;
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }
}
