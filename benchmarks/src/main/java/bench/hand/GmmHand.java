package bench.hand;

import bench.model.Gmm;

/**
 * Gradient of {@link Gmm}, derived by hand. With {@code r(i,k) = softmax_k beta(i,k)},
 * {@code z = x_i - mu_k}, {@code v = Q_k z}:
 * <pre>
 * d/d alpha_k = sum_i r(i,k) - N softmax(alpha)_k
 * d/d mu_k    = sum_i r(i,k) Q_k^T v
 * d/d q_kj    = sum_i r(i,k) (1 - v_j z_j e^{q_kj}) + gamma^2 e^{2 q_kj} - m
 * d/d L_k,rc  = -sum_i r(i,k) v_r z_c + gamma^2 L_k,rc           (r &gt; c)
 * </pre>
 */
public final class GmmHand {
    private GmmHand() {
    }

    public static double[] gradient(Gmm m, double[] p) {
        int d = m.d, k = m.k, icfSize = m.icfSize();
        int meansOff = k, icfOff = k + k * d;
        double[] g = new double[p.length];
        double[] qdiag = new double[k * d];
        double[] sumq = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double q = p[icfOff + c * icfSize + j];
                sumq[c] += q;
                qdiag[c * d + j] = Math.exp(q);
            }
        }
        double[] z = new double[k * d];
        double[] v = new double[k * d];
        double[] beta = new double[k];
        for (int i = 0; i < m.n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int l = icfOff + c * icfSize + d;
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    z[c * d + j] = m.x[i * d + j] - p[meansOff + c * d + j];
                    v[c * d + j] = qdiag[c * d + j] * z[c * d + j];
                }
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        v[c * d + row] += p[l++] * z[c * d + col];
                    }
                }
                for (int j = 0; j < d; j++) {
                    sq += v[c * d + j] * v[c * d + j];
                }
                beta[c] = p[c] + sumq[c] - 0.5 * sq;
                max = Math.max(max, beta[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                beta[c] = Math.exp(beta[c] - max);
                sum += beta[c];
            }
            for (int c = 0; c < k; c++) {
                double r = beta[c] / sum;
                int base = c * d;
                int icf = icfOff + c * icfSize;
                g[c] += r;
                for (int j = 0; j < d; j++) {
                    g[meansOff + base + j] += r * qdiag[base + j] * v[base + j];
                    g[icf + j] += r * (1 - v[base + j] * z[base + j] * qdiag[base + j]);
                }
                int l = icf + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        // Q^T v gets L(row, col) v_row in component col.
                        g[meansOff + base + col] += r * p[l] * v[base + row];
                        g[l] -= r * v[base + row] * z[base + col];
                        l++;
                    }
                }
            }
        }
        // - N logsumexp(alpha)
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(p[c] - max);
        }
        for (int c = 0; c < k; c++) {
            g[c] -= m.n * Math.exp(p[c] - max) / sum;
        }
        // Wishart prior
        double g2 = m.gamma * m.gamma;
        for (int c = 0; c < k; c++) {
            int icf = icfOff + c * icfSize;
            for (int j = 0; j < d; j++) {
                g[icf + j] += g2 * qdiag[c * d + j] * qdiag[c * d + j] - m.m;
            }
            for (int l = icf + d; l < icf + icfSize; l++) {
                g[l] += g2 * p[l];
            }
        }
        return g;
    }
}
