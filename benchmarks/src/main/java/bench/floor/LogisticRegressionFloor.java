package bench.floor;

import bench.model.LogisticRegression;

/**
 * {@link bench.model.LogisticRegression} recorded by hand: per sample one statement for
 * {@code z} with an argument per feature and one for {@code softplus(z)}, the loss one
 * statement with two arguments per sample, then the mean. ad4j records softplus as the few
 * statements of its body; here it is one, so this tape is a little shorter than ad4j's. The
 * loss itself is not computed: a gradient does not need it (ad4j computes it, as the primal).
 */
public final class LogisticRegressionFloor {
    private LogisticRegressionFloor() {
    }

    public static MinimalTape tapeFor(LogisticRegression f) {
        return new MinimalTape(f.d + 2 * f.n + 2, f.n * f.d + 3 * f.n + 1);
    }

    public static double[] gradient(LogisticRegression f, double[] w, MinimalTape t) {
        int n = f.n;
        int d = f.d;
        t.begin(d);
        int[] zPos = new int[n];
        int[] spPos = new int[n];
        for (int i = 0; i < n; i++) {
            double zi = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                zi += f.features[row + j] * w[j];
                t.term(j + 1, f.features[row + j]);
            }
            zPos[i] = t.close();
            double e = Math.exp(-Math.abs(zi));
            t.term(zPos[i], zi > 0 ? 1 / (1 + e) : e / (1 + e));
            spPos[i] = t.close();
        }
        for (int i = 0; i < n; i++) {
            t.term(spPos[i], 1);
            t.term(zPos[i], -f.labels[i]);
        }
        int sum = t.close();
        t.term(sum, 1.0 / n);
        return t.gradient(t.close(), d);
    }

    /**
     * {@link #gradient} with the checks instrumentation cannot skip: each {@code w[j]} looked up
     * in its shadow and checked ({@link MinimalTape#read}), capacity tested per append, each
     * statement's value kept. {@code shadow} has the length of {@code w}.
     */
    public static double[] checkedGradient(LogisticRegression f, double[] w, MinimalTape t, int[] shadow) {
        int n = f.n;
        int d = f.d;
        t.beginChecked(w, shadow);
        int[] zPos = new int[n];
        int[] spPos = new int[n];
        double[] z = new double[n];
        double[] sp = new double[n];
        for (int i = 0; i < n; i++) {
            double zi = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double wj = w[j];
                int iw = t.read(shadow[j], wj);
                double xij = f.features[row + j];
                zi += xij * wj;
                t.room(1);
                t.termIfActive(iw, xij);
            }
            zPos[i] = t.close(zi);
            z[i] = zi;
            double e = Math.exp(-Math.abs(zi));
            double spi = zi > 0 ? zi + Math.log1p(e) : Math.log1p(e);
            t.room(1);
            t.term(zPos[i], zi > 0 ? 1 / (1 + e) : e / (1 + e));
            spPos[i] = t.close(spi);
            sp[i] = spi;
        }
        double loss = 0;
        t.room(2 * n);
        for (int i = 0; i < n; i++) {
            loss += sp[i] - f.labels[i] * z[i];
            t.term(spPos[i], 1);
            t.term(zPos[i], -f.labels[i]);
        }
        int sum = t.close(loss);
        t.room(1);
        t.term(sum, 1.0 / n);
        return t.gradient(t.close(loss / n), d);
    }
}
