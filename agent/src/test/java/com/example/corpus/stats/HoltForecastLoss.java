package com.example.corpus.stats;

/** Mean squared one-step error of Holt's linear-trend exponential smoothing, state in a model object. */
public final class HoltForecastLoss {

    static final double[] SERIES = {10.0, 12.1, 13.8, 15.9, 18.2, 19.7, 22.4, 24.1, 25.8, 28.3};

    private HoltForecastLoss() {
    }

    static final class HoltModel {
        private final double alpha;
        private final double beta;
        private double level;
        private double trend;

        HoltModel(double alpha, double beta, double level, double trend) {
            this.alpha = alpha;
            this.beta = beta;
            this.level = level;
            this.trend = trend;
        }

        double forecast() {
            return level + trend;
        }

        void observe(double y) {
            double previous = level;
            level = alpha * y + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
    }

    /** @param x alpha, beta, initial level, initial trend */
    public static double f(double[] x) {
        HoltModel model = new HoltModel(x[0], x[1], x[2], x[3]);
        double sse = 0;
        for (double y : SERIES) {
            double error = y - model.forecast();
            sse += error * error;
            model.observe(y);
        }
        return sse / SERIES.length;
    }
}
