package com.example.corpus.nn;

/** Class-weighted softmax cross-entropy of a batch of logits, with the usual max shift for stability. */
public final class SoftmaxCrossEntropy {

    private static final int CLASSES = 4;
    private static final int[] TARGETS = {1, 3};
    private static final double[] CLASS_WEIGHTS = {1.0, 2.0, 0.5, 1.5};

    private SoftmaxCrossEntropy() {
    }

    static double logSumExp(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** @param x two rows of four logits, flattened */
    public static double f(double[] x) {
        double loss = 0;
        for (int b = 0; b < TARGETS.length; b++) {
            double[] row = java.util.Arrays.copyOfRange(x, b * CLASSES, (b + 1) * CLASSES);
            int t = TARGETS[b];
            loss += CLASS_WEIGHTS[t] * (logSumExp(row) - row[t]);
        }
        return loss;
    }

    /** w_t (softmax(row) - onehot(t)) for each row. */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int b = 0; b < TARGETS.length; b++) {
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                sum += Math.exp(x[b * CLASSES + c]);
            }
            int t = TARGETS[b];
            for (int c = 0; c < CLASSES; c++) {
                double p = Math.exp(x[b * CLASSES + c]) / sum;
                g[b * CLASSES + c] = CLASS_WEIGHTS[t] * (p - (c == t ? 1 : 0));
            }
        }
        return g;
    }
}
