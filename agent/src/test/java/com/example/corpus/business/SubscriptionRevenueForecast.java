package com.example.corpus.business;

import java.util.Arrays;

/**
 * Net present value of a two-year subscription forecast: seasonal factors filled with
 * Arrays.fill, monthly compounding with churn, revenue bucketed by quarter with a[i] += ...
 */
public final class SubscriptionRevenueForecast {

    static final double[] QUARTER_WEIGHT = {1.0, 0.9, 1.1, 1.2};

    private SubscriptionRevenueForecast() {
    }

    static double[] seasonality(double peak) {
        double[] factors = new double[12];
        Arrays.fill(factors, 1.0);
        Arrays.fill(factors, 10, 12, peak);
        factors[0] = 0.8;
        return factors;
    }

    /** @param x monthly growth, monthly churn, price, annual discount rate, December peak factor */
    public static double f(double[] x) {
        double growth = x[0];
        double churn = x[1];
        double price = x[2];
        double discount = x[3];
        double[] season = seasonality(x[4]);
        double subscribers = 1000;
        double[] byQuarter = new double[4];
        double npv = 0;
        for (long month = 0; month < 24; month++) {
            int calendarMonth = (int) (month % 12);
            double revenue = subscribers * price * season[calendarMonth];
            byQuarter[calendarMonth / 3] += revenue;
            npv += revenue / Math.pow(1 + discount, month / 12.0);
            subscribers *= 1 + growth - churn;
        }
        double weighted = 0;
        for (int q = 0; q < 4; q++) {
            weighted += QUARTER_WEIGHT[q] * byQuarter[q];
        }
        return (npv + 0.1 * weighted) / 1000;
    }
}
