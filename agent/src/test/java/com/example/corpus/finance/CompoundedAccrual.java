package com.example.corpus.finance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Value of a deposit compounded over accrual periods (records), with year fractions from a
 * day-count convention chosen by a switch expression on an enum and a long day count.
 */
public final class CompoundedAccrual {

    enum DayCount { ACT_360, ACT_365, THIRTY_360 }

    record Period(LocalDate start, LocalDate end, DayCount convention) {
        double yearFraction() {
            long days = ChronoUnit.DAYS.between(start, end);
            return switch (convention) {
                case ACT_360 -> days / 360.0;
                case ACT_365 -> days / 365.0;
                case THIRTY_360 -> (360 * (end.getYear() - start.getYear()) + 30 * (end.getMonthValue()
                        - start.getMonthValue()) + (Math.min(end.getDayOfMonth(), 30) - Math.min(start.getDayOfMonth(), 30)))
                        / 360.0;
            };
        }
    }

    static final List<Period> PERIODS = List.of(
            new Period(LocalDate.of(2024, 1, 15), LocalDate.of(2024, 4, 15), DayCount.ACT_360),
            new Period(LocalDate.of(2024, 4, 15), LocalDate.of(2024, 10, 15), DayCount.ACT_365),
            new Period(LocalDate.of(2024, 10, 15), LocalDate.of(2025, 1, 31), DayCount.THIRTY_360));

    private CompoundedAccrual() {
    }

    /** @param x notional, then one rate per period */
    public static double f(double[] x) {
        var value = x[0];
        for (int i = 0; i < PERIODS.size(); i++) {
            value *= 1 + x[i + 1] * PERIODS.get(i).yearFraction();
        }
        return value;
    }

    /** d/dN = prod (1 + r_i t_i), d/dr_i = N t_i prod / (1 + r_i t_i). */
    public static double[] gradient(double[] x) {
        double product = 1;
        for (int i = 0; i < PERIODS.size(); i++) {
            product *= 1 + x[i + 1] * PERIODS.get(i).yearFraction();
        }
        double[] g = new double[x.length];
        g[0] = product;
        for (int i = 0; i < PERIODS.size(); i++) {
            double t = PERIODS.get(i).yearFraction();
            g[i + 1] = x[0] * t * product / (1 + x[i + 1] * t);
        }
        return g;
    }
}
