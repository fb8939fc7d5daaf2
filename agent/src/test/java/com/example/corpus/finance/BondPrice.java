package com.example.corpus.finance;

import java.util.ArrayList;
import java.util.List;

/** Price of a semi-annual coupon bond from its yield, through a list of cash-flow objects. */
public final class BondPrice {

    static final double FACE = 100;
    static final int YEARS = 5;
    static final int FREQUENCY = 2;

    private BondPrice() {
    }

    static final class CashFlow {
        final double time;
        final double amount;

        CashFlow(double time, double amount) {
            this.time = time;
            this.amount = amount;
        }
    }

    static final class Bond {
        private final double face;
        private final double couponRate;
        private final int years;
        private final int frequency;

        Bond(double face, double couponRate, int years, int frequency) {
            this.face = face;
            this.couponRate = couponRate;
            this.years = years;
            this.frequency = frequency;
        }

        List<CashFlow> cashFlows() {
            List<CashFlow> flows = new ArrayList<>();
            int periods = years * frequency;
            for (int k = 1; k <= periods; k++) {
                flows.add(new CashFlow((double) k / frequency, face * couponRate / frequency));
            }
            flows.add(new CashFlow(years, face));
            return flows;
        }

        double price(double yield) {
            double price = 0;
            for (CashFlow cf : cashFlows()) {
                price += cf.amount / Math.pow(1 + yield / frequency, cf.time * frequency);
            }
            return price;
        }
    }

    /** @param x yield, coupon rate */
    public static double f(double[] x) {
        return new Bond(FACE, x[1], YEARS, FREQUENCY).price(x[0]);
    }

    /** With v = 1 + y/m: dP/dy = -sum k a_k / (m v^(k+1)), dP/dc = sum F / (m v^k). */
    public static double[] gradient(double[] x) {
        double v = 1 + x[0] / FREQUENCY;
        double coupon = FACE * x[1] / FREQUENCY;
        int n = YEARS * FREQUENCY;
        double dy = -n * FACE / (FREQUENCY * Math.pow(v, n + 1));
        double dc = 0;
        for (int k = 1; k <= n; k++) {
            dy -= k * coupon / (FREQUENCY * Math.pow(v, k + 1));
            dc += FACE / (FREQUENCY * Math.pow(v, k));
        }
        return new double[] {dy, dc};
    }
}
