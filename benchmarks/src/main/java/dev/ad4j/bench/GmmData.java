package dev.ad4j.bench;

import bench.model.Gmm;
import java.util.Random;

/**
 * GMM instances generated the way ADBench's {@code gmm-data-gen.py} does: seed 31337, a pool of
 * {@code K_max d} uniform(0, 1) numbers and a pool of {@code K_max (1 + d + d(d-1)/2) + N_max d}
 * standard normals (K_max = 200, N_max = 10000), drawn in that order; alphas are the first K
 * normals, means the first K d uniforms, icf the next K d(d+1)/2 normals, the points the next
 * N d normals; Wishart gamma = 1, m = 0. ADBench draws from NumPy's generator, this from
 * {@link java.util.Random}: same recipe and distributions, different numbers.
 */
public final class GmmData {
    private GmmData() {
    }

    private static final int K_MAX = 200;
    private static final int N_MAX = 10000;

    /** A problem and its evaluation point (alphas, means, icf). */
    public record Instance(Gmm objective, double[] point) {
    }

    public static Instance generate(int d, int k, int n) {
        Random r = new Random(31337);
        double[] uniform = new double[K_MAX * d];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = r.nextDouble();
        }
        double[] normal = new double[K_MAX * (1 + d + d * (d - 1) / 2) + N_MAX * d];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = r.nextGaussian();
        }
        int icfSize = d * (d + 1) / 2;
        double[] p = new double[k + k * d + k * icfSize];
        int nu = 0;
        int nn = 0;
        for (int c = 0; c < k; c++) {
            p[c] = normal[nn++];
        }
        for (int i = 0; i < k * d; i++) {
            p[k + i] = uniform[nu++];
        }
        for (int i = 0; i < k * icfSize; i++) {
            p[k + k * d + i] = normal[nn++];
        }
        double[] x = new double[n * d];
        for (int i = 0; i < n * d; i++) {
            x[i] = normal[nn++];
        }
        double gamma = 1.0;
        int m = 0;
        return new Instance(new Gmm(d, k, n, x, gamma, m, constant(d, k, n, gamma, m)), p);
    }

    /** {@code -N d log(2 pi)/2 - K C_w}, C_w the Wishart normalising constant with {@code n_w = d + m + 1}. */
    static double constant(int d, int k, int n, double gamma, int m) {
        int nw = d + m + 1;
        double cw = nw * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultivariateGamma(0.5 * nw, d);
        return -n * d * 0.5 * Math.log(2 * Math.PI) - k * cw;
    }

    /** {@code log Gamma_p(a) = p(p-1)/4 log(pi) + sum_{j=1..p} log Gamma(a + (1-j)/2)}. */
    static double logMultivariateGamma(double a, int p) {
        double s = 0.25 * p * (p - 1) * Math.log(Math.PI);
        for (int j = 1; j <= p; j++) {
            s += logGamma(a + 0.5 * (1 - j));
        }
        return s;
    }

    /** log Gamma(x) for x &gt; 0: shift to x &ge; 10, then Stirling's series (error below 1e-12). */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift -= Math.log(x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
        return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + series;
    }
}
