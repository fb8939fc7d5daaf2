package com.example.corpus.finance;

/** Mean-volatility objective with a budget penalty; the risk model is an interface with a default method. */
public final class PortfolioRiskReturn {

    static final double[][] COVARIANCE = {
        {0.040, 0.006, 0.010, 0.002},
        {0.006, 0.090, 0.012, 0.004},
        {0.010, 0.012, 0.060, 0.008},
        {0.002, 0.004, 0.008, 0.020},
    };
    static final double[] EXPECTED = {0.06, 0.10, 0.08, 0.03};
    static final double AVERSION = 2.0;
    static final double PENALTY = 5.0;

    private PortfolioRiskReturn() {
    }

    interface RiskModel {
        double variance(double[] weights);

        default double volatility(double[] weights) {
            return Math.sqrt(variance(weights));
        }
    }

    static final class SampleCovariance implements RiskModel {
        private final double[][] covariance;

        SampleCovariance(double[][] covariance) {
            this.covariance = covariance;
        }

        @Override
        public double variance(double[] w) {
            double v = 0;
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w.length; j++) {
                    v += w[i] * covariance[i][j] * w[j];
                }
            }
            return v;
        }
    }

    /** @param w portfolio weights */
    public static double f(double[] w) {
        RiskModel risk = new SampleCovariance(COVARIANCE);
        double expected = 0;
        double budget = -1;
        for (int i = 0; i < w.length; i++) {
            expected += EXPECTED[i] * w[i];
            budget += w[i];
        }
        return AVERSION * risk.volatility(w) - expected + PENALTY * budget * budget;
    }

    /** lambda C w / sigma - mu + 2 rho (sum w - 1). */
    public static double[] gradient(double[] w) {
        int n = w.length;
        double[] cw = new double[n];
        double var = 0;
        double sum = -1;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cw[i] += COVARIANCE[i][j] * w[j];
            }
            var += w[i] * cw[i];
            sum += w[i];
        }
        double sigma = Math.sqrt(var);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = AVERSION * cw[i] / sigma - EXPECTED[i] + 2 * PENALTY * sum;
        }
        return g;
    }
}
