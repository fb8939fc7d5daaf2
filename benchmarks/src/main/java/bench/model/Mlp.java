package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * Mean squared error of a one-hidden-layer tanh network {@code out = b2 + W2 . tanh(W1 x + b1)}
 * over a batch. Parameters, flat: {@code W1} (hidden x inputs, row-major), {@code b1} (hidden),
 * {@code W2} (hidden), {@code b2} (1).
 */
public final class Mlp implements ScalarFunction {
    /** Inputs, row-major {@code batch x inputs}. */
    public final double[] inputs;
    /** Targets, one per sample. */
    public final double[] targets;
    public final int batch;
    public final int in;
    public final int hidden;

    public Mlp(double[] inputs, double[] targets, int batch, int in, int hidden) {
        this.inputs = inputs;
        this.targets = targets;
        this.batch = batch;
        this.in = in;
        this.hidden = hidden;
    }

    /** Number of parameters. */
    public int parameters() {
        return hidden * in + 2 * hidden + 1;
    }

    @Override
    public double apply(double[] p) {
        int b1 = hidden * in;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden;
        double loss = 0;
        for (int s = 0; s < batch; s++) {
            int row = s * in;
            double out = p[b2];
            for (int j = 0; j < hidden; j++) {
                double a = p[b1 + j];
                for (int k = 0; k < in; k++) {
                    a += p[j * in + k] * inputs[row + k];
                }
                out += p[w2 + j] * Math.tanh(a);
            }
            double e = out - targets[s];
            loss += e * e;
        }
        return loss / batch;
    }
}
