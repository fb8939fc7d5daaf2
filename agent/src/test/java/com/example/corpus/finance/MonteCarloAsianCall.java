package com.example.corpus.finance;

import java.util.Random;

/** Arithmetic-average Asian call by Monte Carlo with a fixed seed (pathwise derivatives). */
public final class MonteCarloAsianCall {

    private static final int PATHS = 2000;
    private static final int DATES = 12;
    private static final double STRIKE = 100;

    private MonteCarloAsianCall() {
    }

    static final class Path {
        private double spot;
        private double sum;

        Path(double spot) {
            this.spot = spot;
        }

        void advance(double drift, double diffusion, double z) {
            spot *= Math.exp(drift + diffusion * z);
            sum += spot;
        }

        double average() {
            return sum / DATES;
        }
    }

    /** @param x spot, volatility, rate; maturity one year */
    public static double f(double[] x) {
        double spot = x[0];
        double sigma = x[1];
        double rate = x[2];
        double dt = 1.0 / DATES;
        double drift = (rate - 0.5 * sigma * sigma) * dt;
        double diffusion = sigma * Math.sqrt(dt);
        Random random = new Random(2024);
        double payoffs = 0;
        for (int p = 0; p < PATHS; p++) {
            Path path = new Path(spot);
            for (int d = 0; d < DATES; d++) {
                path.advance(drift, diffusion, random.nextGaussian());
            }
            payoffs += Math.max(path.average() - STRIKE, 0);
        }
        return Math.exp(-rate) * payoffs / PATHS;
    }
}
