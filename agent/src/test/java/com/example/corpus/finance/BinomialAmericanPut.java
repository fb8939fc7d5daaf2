package com.example.corpus.finance;

/** American put priced on a Cox-Ross-Rubinstein lattice: backward induction with early exercise. */
public final class BinomialAmericanPut {

    private static final int STEPS = 50;

    private BinomialAmericanPut() {
    }

    static final class Lattice {
        private final double spot;
        private final double up;
        private final double down;
        private final double probability;
        private final double discount;
        private final double[] values = new double[STEPS + 1];

        Lattice(double spot, double rate, double volatility, double maturity) {
            double dt = maturity / STEPS;
            this.spot = spot;
            this.up = Math.exp(volatility * Math.sqrt(dt));
            this.down = 1 / up;
            this.discount = Math.exp(-rate * dt);
            this.probability = (Math.exp(rate * dt) - down) / (up - down);
        }

        double price(double strike) {
            for (int j = 0; j <= STEPS; j++) {
                values[j] = Math.max(strike - spotAt(STEPS, j), 0);
            }
            for (int i = STEPS - 1; i >= 0; i--) {
                for (int j = 0; j <= i; j++) {
                    double continuation = discount * (probability * values[j + 1] + (1 - probability) * values[j]);
                    double exercise = strike - spotAt(i, j);
                    values[j] = exercise > continuation ? exercise : continuation;
                }
            }
            return values[0];
        }

        private double spotAt(int step, int ups) {
            return spot * Math.pow(up, ups) * Math.pow(down, step - ups);
        }
    }

    /** @param x spot, strike, rate, volatility, maturity */
    public static double f(double[] x) {
        return new Lattice(x[0], x[2], x[3], x[4]).price(x[1]);
    }
}
