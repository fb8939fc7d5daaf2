package com.example.corpus.business;

import java.util.HashMap;
import java.util.Map;

/**
 * A ledger posted into a {@code Map<Integer, Double>} with {@code merge(..., Double::sum)} and a
 * capturing lambda, then valued by account type; linear, so the gradient is known exactly.
 */
public final class LedgerByAccount {

    static final int[] ACCOUNT = {101, 205, 101, 330, 205, 101, 330};
    static final double[] FX = {1.0, 1.1, 0.9, 1.0, 1.25, 1.0, 0.8};

    private LedgerByAccount() {
    }

    static double typeWeight(int account) {
        return switch (account / 100) {
            case 1 -> 1.0;
            case 2 -> -0.5;
            default -> 2.0;
        };
    }

    /** @param x seven posting amounts, then a fee rate */
    public static double f(double[] x) {
        double feeRate = x[x.length - 1];
        Map<Integer, Double> balances = new HashMap<>();
        for (int i = 0; i < ACCOUNT.length; i++) {
            double fx = FX[i];
            balances.merge(ACCOUNT[i], x[i] * fx, Double::sum);
            balances.merge(999, x[i], (fees, amount) -> fees + amount * fx * feeRate);
        }
        double value = 0;
        for (Map.Entry<Integer, Double> e : balances.entrySet()) {
            value += e.getKey() == 999 ? e.getValue() : typeWeight(e.getKey()) * e.getValue();
        }
        return value;
    }

    /**
     * The fee entry starts as the first amount x0 and then adds x_i fx_i fee for i >= 1, so
     * d/dx_i = w_i fx_i + [i == 0] + [i >= 1] fx_i fee, and d/dfee = sum over i >= 1 of x_i fx_i.
     */
    public static double[] gradient(double[] x) {
        double fee = x[x.length - 1];
        double[] g = new double[x.length];
        for (int i = 0; i < ACCOUNT.length; i++) {
            g[i] = typeWeight(ACCOUNT[i]) * FX[i] + (i == 0 ? 1 : FX[i] * fee);
            if (i > 0) {
                g[x.length - 1] += x[i] * FX[i];
            }
        }
        return g;
    }
}
