package com.example.corpus.stats;

/** Running mean and variance by Welford's update: long counter, compound assignments on double fields. */
public final class WelfordVariance {

    private WelfordVariance() {
    }

    static final class RunningStats {
        private long count;
        private double mean;
        private double m2;

        void push(double v) {
            count++;
            double delta = v - mean;
            mean += delta / count;
            m2 += delta * (v - mean);
        }

        double mean() {
            return mean;
        }

        double variance() {
            return count > 1 ? m2 / (count - 1) : 0.0;
        }
    }

    /** @return sample variance plus squared mean */
    public static double f(double[] x) {
        RunningStats stats = new RunningStats();
        for (double v : x) {
            stats.push(v);
        }
        return stats.variance() + stats.mean() * stats.mean();
    }

    /** 2 (x_i - mean) / (n - 1) + 2 mean / n. */
    public static double[] gradient(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = 2 * (x[i] - mean) / (n - 1) + 2 * mean / n;
        }
        return g;
    }
}
