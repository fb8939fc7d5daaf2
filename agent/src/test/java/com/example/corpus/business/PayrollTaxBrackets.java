package com.example.corpus.business;

/**
 * Weighted net payroll by department: progressive tax brackets per filing status (switch), a
 * capped social contribution (ternary), and per-department totals accumulated with a[i] += ...
 */
public final class PayrollTaxBrackets {

    static final double[][] SINGLE = {{0, 0.10}, {10_000, 0.20}, {40_000, 0.30}, {90_000, 0.40}};
    static final double[][] JOINT = {{0, 0.08}, {20_000, 0.18}, {80_000, 0.28}, {160_000, 0.38}};
    static final int[] STATUS = {0, 1, 0, 1, 0, 1};
    static final int[] DEPARTMENT = {0, 0, 1, 1, 2, 2};
    static final double[] DEPARTMENT_WEIGHT = {1.0, 1.5, 0.5};
    static final double SOCIAL_RATE = 0.062;
    static final double SOCIAL_CAP = 60_000;

    private PayrollTaxBrackets() {
    }

    static double[][] brackets(int status) {
        switch (status) {
            case 0:
                return SINGLE;
            case 1:
                return JOINT;
            default:
                throw new IllegalArgumentException("status " + status);
        }
    }

    static double deduction(int status) {
        return status == 1 ? 12_000 : 6_000;
    }

    static double incomeTax(double gross, int status) {
        double taxable = Math.max(gross - deduction(status), 0);
        double[][] table = brackets(status);
        double tax = 0;
        for (int b = 0; b < table.length; b++) {
            double upper = b + 1 < table.length ? table[b + 1][0] : Double.POSITIVE_INFINITY;
            if (taxable > table[b][0]) {
                tax += (Math.min(taxable, upper) - table[b][0]) * table[b][1];
            }
        }
        return tax;
    }

    /** @param x gross annual salaries of six employees */
    public static double f(double[] x) {
        double[] totals = new double[DEPARTMENT_WEIGHT.length];
        for (int e = 0; e < x.length; e++) {
            double social = (x[e] < SOCIAL_CAP ? x[e] : SOCIAL_CAP) * SOCIAL_RATE;
            totals[DEPARTMENT[e]] += x[e] - incomeTax(x[e], STATUS[e]) - social;
        }
        double weighted = 0;
        for (int d = 0; d < totals.length; d++) {
            weighted += DEPARTMENT_WEIGHT[d] * totals[d];
        }
        return weighted / 1000;
    }

    /** Each salary moves the total by its department weight times one minus its marginal rates. */
    public static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int e = 0; e < x.length; e++) {
            double taxable = x[e] - deduction(STATUS[e]);
            double marginal = 0;
            for (double[] bracket : brackets(STATUS[e])) {
                if (taxable > bracket[0]) {
                    marginal = bracket[1];
                }
            }
            double social = x[e] < SOCIAL_CAP ? SOCIAL_RATE : 0;
            g[e] = DEPARTMENT_WEIGHT[DEPARTMENT[e]] * (1 - marginal - social) / 1000;
        }
        return g;
    }
}
