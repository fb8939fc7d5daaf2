package com.example.corpus.stats;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The weighted mean of the four largest scaled observations: a stream of objects mapped by a
 * lambda that captures a double, sorted, limited, and reduced with an instrumented combiner.
 */
public final class WeightedTopMeanReduce {

    private static final double[] WEIGHTS = {1.0, 2.0, 0.5, 1.5, 3.0, 1.0, 2.5};

    private WeightedTopMeanReduce() {
    }

    static final class Weighted {
        static final Weighted ZERO = new Weighted(0, 0);
        final double sum;
        final double weight;

        Weighted(double sum, double weight) {
            this.sum = sum;
            this.weight = weight;
        }

        Weighted combine(Weighted o) {
            return new Weighted(sum + o.sum, weight + o.weight);
        }

        double mean() {
            return sum / weight;
        }
    }

    record Observation(double value, double weight) {
    }

    /** @param x scale, then seven observations */
    public static double f(double[] x) {
        double scale = x[0];
        List<Observation> observations = IntStream.range(1, x.length)
                .mapToObj(i -> new Observation(x[i], WEIGHTS[i - 1]))
                .collect(Collectors.toList());
        return observations.stream()
                .map(o -> new Observation(scale * o.value(), o.weight()))
                .sorted(Comparator.comparingDouble(Observation::value).reversed())
                .limit(4)
                .map(o -> new Weighted(o.value() * o.weight(), o.weight()))
                .reduce(Weighted.ZERO, Weighted::combine)
                .mean();
    }

    /** d/dscale = sum w v / sum w, d/dv_i = scale w_i / sum w over the four largest scaled values. */
    public static double[] gradient(double[] x) {
        double scale = x[0];
        int n = x.length - 1;
        double[] g = new double[x.length];
        double weight = 0;
        double weightedValue = 0;
        boolean[] top = new boolean[n];
        for (int i = 0; i < n; i++) {
            int larger = 0;
            for (int j = 0; j < n; j++) {
                if (scale * x[j + 1] > scale * x[i + 1]) {
                    larger++;
                }
            }
            top[i] = larger < 4;
            if (top[i]) {
                weight += WEIGHTS[i];
                weightedValue += WEIGHTS[i] * x[i + 1];
            }
        }
        g[0] = weightedValue / weight;
        for (int i = 0; i < n; i++) {
            g[i + 1] = top[i] ? scale * WEIGHTS[i] / weight : 0;
        }
        return g;
    }
}
