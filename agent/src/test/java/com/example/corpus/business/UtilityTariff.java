package com.example.corpus.business;

/**
 * An electricity bill: tiered energy charges by cumulative usage, a seasonal rate chosen by switch
 * on the month, time-of-use multipliers by ternary, charges accumulated in a bill object's fields.
 */
public final class UtilityTariff {

    static final double[] TIER_LIMITS = {300, 800, Double.POSITIVE_INFINITY};
    static final double[] TIER_RATES = {0.10, 0.14, 0.21};

    private UtilityTariff() {
    }

    static final class Bill {
        double energy;
        double peakSurcharge;
        double usage;

        double total() {
            double subtotal = energy + peakSurcharge;
            return subtotal + subtotal * 0.05;
        }
    }

    static double seasonalFactor(int month) {
        switch (month) {
            case 12: case 1: case 2:
                return 1.15;
            case 6: case 7: case 8:
                return 1.25;
            default:
                return 1.0;
        }
    }

    /** @param x kWh of eight readings, alternating off-peak and peak, in the given months */
    public static double f(double[] x) {
        int[] months = {1, 1, 4, 4, 7, 7, 10, 10};
        Bill bill = new Bill();
        for (int r = 0; r < x.length; r++) {
            boolean peak = r % 2 == 1;
            double remaining = x[r];
            int tier = 0;
            while (bill.usage >= TIER_LIMITS[tier]) {
                tier++;
            }
            while (remaining > 0) {
                double room = TIER_LIMITS[tier] - bill.usage;
                double used = Math.min(room, remaining);
                double charge = used * TIER_RATES[tier] * seasonalFactor(months[r]);
                bill.energy += charge;
                bill.peakSurcharge += peak ? charge * 0.3 : 0;
                bill.usage += used;
                remaining -= used;
                if (remaining > 0) {
                    tier++;
                }
            }
        }
        return bill.total();
    }
}
