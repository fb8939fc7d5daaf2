package bench.hand;

import bench.model.Mlp;

/** Backpropagation for {@link Mlp}, written by hand (forward pass keeps the hidden activations). */
public final class MlpHand {
    private MlpHand() {
    }

    public static double[] gradient(Mlp m, double[] p) {
        int in = m.in;
        int hidden = m.hidden;
        int b1 = hidden * in;
        int w2 = b1 + hidden;
        int b2 = w2 + hidden;
        double[] g = new double[p.length];
        double[] h = new double[hidden];
        for (int s = 0; s < m.batch; s++) {
            int row = s * in;
            double out = p[b2];
            for (int j = 0; j < hidden; j++) {
                double a = p[b1 + j];
                for (int k = 0; k < in; k++) {
                    a += p[j * in + k] * m.inputs[row + k];
                }
                h[j] = Math.tanh(a);
                out += p[w2 + j] * h[j];
            }
            double dout = 2 * (out - m.targets[s]) / m.batch;
            g[b2] += dout;
            for (int j = 0; j < hidden; j++) {
                g[w2 + j] += dout * h[j];
                double da = dout * p[w2 + j] * (1 - h[j] * h[j]);
                g[b1 + j] += da;
                for (int k = 0; k < in; k++) {
                    g[j * in + k] += da * m.inputs[row + k];
                }
            }
        }
        return g;
    }
}
