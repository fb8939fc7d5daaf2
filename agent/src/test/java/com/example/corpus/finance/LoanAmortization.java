package com.example.corpus.finance;

/** Total interest of a fixed-rate loan, computed by running the monthly amortisation schedule. */
public final class LoanAmortization {

    static final int YEARS = 10;

    private LoanAmortization() {
    }

    static final class Schedule {
        private double balance;
        private double interestPaid;
        private final double monthlyRate;
        private final double payment;

        Schedule(double principal, double annualRate, int months) {
            this.balance = principal;
            this.monthlyRate = annualRate / 12;
            this.payment = principal * monthlyRate / (1 - Math.pow(1 + monthlyRate, -months));
        }

        void payMonth() {
            double interest = balance * monthlyRate;
            interestPaid += interest;
            balance -= payment - interest;
        }
    }

    /** @param x principal, annual interest rate */
    public static double f(double[] x) {
        int months = YEARS * 12;
        Schedule schedule = new Schedule(x[0], x[1], months);
        for (int m = 0; m < months; m++) {
            schedule.payMonth();
        }
        return schedule.interestPaid;
    }

    /**
     * The schedule telescopes to n * payment - principal. With r = a/12 and D = 1 - (1+r)^-n:
     * payment = P r / D, d payment / dr = P (D - r n (1+r)^(-n-1)) / D^2.
     */
    public static double[] gradient(double[] x) {
        double p = x[0];
        double r = x[1] / 12;
        int n = YEARS * 12;
        double d = 1 - Math.pow(1 + r, -n);
        double payment = p * r / d;
        double dPaymentDr = p * (d - r * n * Math.pow(1 + r, -n - 1)) / (d * d);
        return new double[] {n * payment / p - 1, n * dPaymentDr / 12};
    }
}
