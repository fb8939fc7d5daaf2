package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * Mean negative log-likelihood of logistic regression without intercept:
 * {@code (1/n) sum_i softplus(z_i) - y_i z_i}, {@code z_i = X[i,:] . w}, X row-major n x d.
 */
public final class LogisticRegression implements ScalarFunction {
    /** Features, row-major {@code n x d}. */
    public final double[] features;
    /** Labels in {0, 1}. */
    public final double[] labels;
    /** Samples. */
    public final int n;
    /** Features per sample (the length of w). */
    public final int d;

    public LogisticRegression(double[] features, double[] labels, int n, int d) {
        this.features = features;
        this.labels = labels;
        this.n = n;
        this.d = d;
    }

    @Override
    public double apply(double[] w) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double z = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                z += features[row + j] * w[j];
            }
            loss += softplus(z) - labels[i] * z;
        }
        return loss / n;
    }

    /** {@code log(1 + e^z)} without overflow. */
    static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
