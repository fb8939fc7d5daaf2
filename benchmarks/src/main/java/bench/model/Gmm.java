package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * ADBench's Gaussian mixture model objective (Srajer, Kukelova, Fitzgibbon 2018,
 * {@code gmm_objective}): the log-likelihood of N points under K Gaussians in d dimensions
 * plus a Wishart prior on the precision factors, written here from its definition.
 *
 * <p>Parameters, flat: {@code alphas} (K log weights), {@code means} (K x d), {@code icf}
 * (K x d(d+1)/2: first the d logs of the diagonal of the precision factor Q, then its strictly
 * lower triangle column by column). For point i and component k,
 * {@code beta(i,k) = alpha_k + sum_j q_kj - |Q_k (x_i - mu_k)|^2 / 2}; the objective is
 * {@code C + sum_i logsumexp_k beta(i,k) - N logsumexp(alpha) + prior}, with
 * {@code prior = sum_k (gamma^2/2 |Q_k|_F^2 - m sum_j q_kj) - K C_w}.
 */
public final class Gmm implements ScalarFunction {
    public final int d;
    public final int k;
    public final int n;
    /** Points, row-major {@code n x d}. */
    public final double[] x;
    public final double gamma;
    public final int m;
    /** {@code -N d log(2 pi) / 2 - K C_w}: terms without parameters, computed with the data. */
    public final double constant;

    public Gmm(int d, int k, int n, double[] x, double gamma, int m, double constant) {
        this.d = d;
        this.k = k;
        this.n = n;
        this.x = x;
        this.gamma = gamma;
        this.m = m;
        this.constant = constant;
    }

    /** Entries of one component's icf block. */
    public int icfSize() {
        return d * (d + 1) / 2;
    }

    /** Number of parameters. */
    public int parameters() {
        return k + k * d + k * icfSize();
    }

    @Override
    public double apply(double[] p) {
        int icfSize = icfSize();
        int meansOff = k;
        int icfOff = k + k * d;
        double[] qdiag = new double[k * d];
        double[] sumq = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                double q = p[icfOff + c * icfSize + j];
                sumq[c] += q;
                qdiag[c * d + j] = Math.exp(q);
            }
        }
        double[] centered = new double[d];
        double[] mahal = new double[d];
        double[] beta = new double[k];
        double slse = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    centered[j] = x[i * d + j] - p[meansOff + c * d + j];
                }
                qTimes(qdiag, c * d, p, icfOff + c * icfSize + d, centered, mahal);
                beta[c] = p[c] + sumq[c] - 0.5 * squaredNorm(mahal, 0, d);
            }
            slse += logSumExp(beta, 0, k);
        }
        double value = constant + slse - n * logSumExp(p, 0, k);
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double frobenius = squaredNorm(qdiag, c * d, d)
                    + squaredNorm(p, icfOff + c * icfSize + d, icfSize - d);
            prior += 0.5 * gamma * gamma * frobenius - m * sumq[c];
        }
        return value + prior;
    }

    /** {@code out = Q v}, Q lower triangular: diagonal at {@code diag[dOff..]}, strict lower part column-wise at {@code lower[lOff..]}. */
    static void qTimes(double[] diag, int dOff, double[] lower, int lOff, double[] v, double[] out) {
        int dim = v.length;
        for (int j = 0; j < dim; j++) {
            out[j] = diag[dOff + j] * v[j];
        }
        int l = lOff;
        for (int col = 0; col < dim; col++) {
            for (int row = col + 1; row < dim; row++) {
                out[row] += lower[l++] * v[col];
            }
        }
    }

    static double squaredNorm(double[] v, int off, int len) {
        double s = 0;
        for (int j = off; j < off + len; j++) {
            s += v[j] * v[j];
        }
        return s;
    }

    /** {@code log sum exp v[off..off+len)}, shifted by the maximum. */
    static double logSumExp(double[] v, int off, int len) {
        double max = v[off];
        for (int j = off + 1; j < off + len; j++) {
            if (v[j] > max) {
                max = v[j];
            }
        }
        double s = 0;
        for (int j = off; j < off + len; j++) {
            s += Math.exp(v[j] - max);
        }
        return Math.log(s) + max;
    }
}
