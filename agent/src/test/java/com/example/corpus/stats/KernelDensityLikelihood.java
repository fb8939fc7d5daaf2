package com.example.corpus.stats;

import java.util.function.DoubleUnaryOperator;

/** Log-likelihood of held-out points under a Gaussian kernel density; the kernel is a lambda capturing doubles. */
public final class KernelDensityLikelihood {

    static final double[] HELD_OUT = {-1.0, 0.0, 0.5, 2.0};

    private KernelDensityLikelihood() {
    }

    static DoubleUnaryOperator gaussianKernel(double bandwidth) {
        double norm = 1 / (bandwidth * Math.sqrt(2 * Math.PI));
        return u -> norm * Math.exp(-0.5 * (u / bandwidth) * (u / bandwidth));
    }

    static double density(DoubleUnaryOperator kernel, double[] samples, double at) {
        double p = 0;
        for (double s : samples) {
            p += kernel.applyAsDouble(at - s);
        }
        return p / samples.length;
    }

    /** @param x bandwidth, then five sample positions */
    public static double f(double[] x) {
        DoubleUnaryOperator kernel = gaussianKernel(x[0]);
        double[] samples = java.util.Arrays.copyOfRange(x, 1, x.length);
        double ll = 0;
        for (double e : HELD_OUT) {
            ll += Math.log(density(kernel, samples, e));
        }
        return ll;
    }

    /** With K(u) = e^(-u^2/2h^2)/(h sqrt(2 pi)): dK/du = -u K/h^2, dK/dh = K (u^2/h^3 - 1/h). */
    public static double[] gradient(double[] x) {
        double h = x[0];
        int n = x.length - 1;
        double[] g = new double[x.length];
        for (double e : HELD_OUT) {
            double p = 0;
            for (int i = 1; i <= n; i++) {
                p += k(e - x[i], h) / n;
            }
            for (int i = 1; i <= n; i++) {
                double u = e - x[i];
                double kv = k(u, h);
                g[i] += u / (h * h) * kv / n / p;
                g[0] += kv * (u * u / (h * h * h) - 1 / h) / n / p;
            }
        }
        return g;
    }

    private static double k(double u, double h) {
        return Math.exp(-u * u / (2 * h * h)) / (h * Math.sqrt(2 * Math.PI));
    }
}
