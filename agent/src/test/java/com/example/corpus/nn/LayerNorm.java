package com.example.corpus.nn;

/** Layer normalisation of a vector with learned gain and bias held in fields (a vector function). */
public final class LayerNorm {

    static final double EPS = 1e-5;
    static final double[] GAIN = {1.0, 0.5, 2.0, -1.0, 1.5};
    static final double[] BIAS = {0.1, 0.0, -0.2, 0.3, 0.0};

    private LayerNorm() {
    }

    static final class Normaliser {
        private final double[] gain;
        private final double[] bias;

        Normaliser(double[] gain, double[] bias) {
            this.gain = gain;
            this.bias = bias;
        }

        double[] apply(double[] v) {
            int n = v.length;
            double mean = 0;
            for (double a : v) {
                mean += a;
            }
            mean /= n;
            double var = 0;
            for (double a : v) {
                var += (a - mean) * (a - mean);
            }
            var /= n;
            double inv = 1 / Math.sqrt(var + EPS);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = gain[i] * (v[i] - mean) * inv + bias[i];
            }
            return out;
        }
    }

    public static double[] f(double[] x) {
        return new Normaliser(GAIN, BIAS).apply(x);
    }

    /** dy_i/dx_j = g_i / s (delta_ij - 1/n - xh_i xh_j / n), xh the normalised input, s the std. */
    public static double[][] jacobian(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double a : x) {
            mean += a / n;
        }
        double var = 0;
        for (double a : x) {
            var += (a - mean) * (a - mean) / n;
        }
        double s = Math.sqrt(var + EPS);
        double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xi = (x[i] - mean) / s;
                double xk = (x[k] - mean) / s;
                j[i][k] = GAIN[i] / s * ((i == k ? 1 : 0) - 1.0 / n - xi * xk / n);
            }
        }
        return j;
    }
}
