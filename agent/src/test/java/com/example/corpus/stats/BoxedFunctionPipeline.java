package com.example.corpus.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Generic, boxed code: {@code Function<Double, Double>} composed with the JDK's {@code andThen},
 * a {@code BiFunction}, an {@code Optional<Double>}, and a {@code Map<Integer, Double>} merged with
 * {@code Double::sum}, as collection-minded Java does.
 */
public final class BoxedFunctionPipeline {

    private BoxedFunctionPipeline() {
    }

    /** @param x a scale, a shift, then six observations */
    public static double f(double[] x) {
        double scale = x[0];
        double shift = x[1];
        Function<Double, Double> standardise = v -> (v - shift) / scale;
        Function<Double, Double> squash = standardise.andThen(z -> z / (1 + z * z));
        BiFunction<Double, Double, Double> weighted = (v, w) -> v * w;
        Map<Integer, Double> byBucket = new HashMap<>();
        for (int i = 2; i < x.length; i++) {
            Double transformed = squash.apply(x[i]);
            byBucket.merge(i % 3, weighted.apply(transformed, 1.0 + i), Double::sum);
        }
        Optional<Double> largest = byBucket.values().stream().max(Double::compare);
        double total = 0;
        for (Map.Entry<Integer, Double> e : new TreeMap<>(byBucket).entrySet()) {
            total += e.getKey() * e.getValue();
        }
        return total + largest.map(v -> v * v).orElse(0.0);
    }
}
