package com.example.corpus.stats;

import java.util.Arrays;

/** Robust statistics of a sorted copy: median, trimmed mean and range product (copyOf then sort). */
public final class MedianAndTrimmedMean {

    private MedianAndTrimmedMean() {
    }

    /** @param x an even number of distinct observations */
    public static double f(double[] x) {
        double[] sorted = Arrays.copyOf(x, x.length);
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double trimmed = 0;
        for (int i = 1; i < n - 1; i++) {
            trimmed += sorted[i];
        }
        trimmed /= n - 2;
        return median + 0.5 * trimmed + sorted[0] * sorted[n - 1];
    }

    /** Each observation contributes according to its rank. */
    public static double[] gradient(double[] x) {
        int n = x.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            int rank = 0;
            for (double v : x) {
                if (v < x[i]) {
                    rank++;
                }
            }
            if (rank == n / 2 - 1 || rank == n / 2) {
                g[i] += 0.5;
            }
            if (rank >= 1 && rank <= n - 2) {
                g[i] += 0.5 / (n - 2);
            }
            if (rank == 0) {
                g[i] += max;
            }
            if (rank == n - 1) {
                g[i] += min;
            }
        }
        return g;
    }
}
