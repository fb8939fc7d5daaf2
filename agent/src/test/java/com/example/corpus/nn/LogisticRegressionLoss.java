package com.example.corpus.nn;

import java.util.List;

/**
 * L2-regularised logistic regression loss over a list of sample objects, summed by a stream whose
 * lambdas (instrumented bodies) capture the weight array and add into an accumulator object.
 */
public final class LogisticRegressionLoss {

    private static final double LAMBDA = 0.05;

    private LogisticRegressionLoss() {
    }

    static final class Sample {
        final double[] features;
        final double label;
        final double weight;

        Sample(double label, double weight, double... features) {
            this.features = features;
            this.label = label;
            this.weight = weight;
        }

        double margin(double[] w) {
            double z = 0;
            for (int i = 0; i < w.length; i++) {
                z += w[i] * features[i];
            }
            return z;
        }

        /** log(1 + e^z) - y z, computed without overflow. */
        double logLoss(double[] w) {
            double z = margin(w);
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            return softplus - label * z;
        }
    }

    static final class Sum {
        private double total;

        void add(double v) {
            total += v;
        }

        double get() {
            return total;
        }
    }

    static final List<Sample> DATA = List.of(
            new Sample(1, 1.0, 1, 0.5, -1.2),
            new Sample(0, 1.0, 1, -0.3, 0.8),
            new Sample(1, 2.0, 1, 1.5, 0.2),
            new Sample(0, 0.5, 1, -1.1, -0.4),
            new Sample(1, 1.0, 1, 0.1, 2.0),
            new Sample(0, 0.0, 1, 9.0, 9.0));

    /** @param w intercept and two feature weights */
    public static double f(double[] w) {
        Sum sum = new Sum();
        DATA.stream().filter(s -> s.weight > 0).forEach(s -> sum.add(s.weight * s.logLoss(w)));
        double penalty = 0;
        for (double v : w) {
            penalty += v * v;
        }
        return sum.get() / DATA.size() + LAMBDA * penalty;
    }

    /** (1/N) sum of weight (sigmoid(z) - y) a, plus 2 lambda w. */
    public static double[] gradient(double[] w) {
        double[] g = new double[w.length];
        for (Sample s : DATA) {
            double p = 1 / (1 + Math.exp(-s.margin(w)));
            for (int i = 0; i < w.length; i++) {
                g[i] += s.weight * (p - s.label) * s.features[i] / DATA.size();
            }
        }
        for (int i = 0; i < w.length; i++) {
            g[i] += 2 * LAMBDA * w[i];
        }
        return g;
    }
}
