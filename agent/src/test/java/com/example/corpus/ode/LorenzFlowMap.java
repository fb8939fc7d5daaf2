package com.example.corpus.ode;

/** The Lorenz flow map over half a time unit by RK4 (a vector function; its Jacobian is checked). */
public final class LorenzFlowMap {

    private LorenzFlowMap() {
    }

    static final class Lorenz {
        private final double sigma = 10;
        private final double rho = 28;
        private final double beta = 8.0 / 3;

        double[] field(double[] s) {
            return new double[] {sigma * (s[1] - s[0]), s[0] * (rho - s[2]) - s[1], s[0] * s[1] - beta * s[2]};
        }
    }

    static double[] axpy(double a, double[] x, double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += a * x[i];
        }
        return out;
    }

    /** @param x initial state (x, y, z) */
    public static double[] f(double[] x) {
        Lorenz lorenz = new Lorenz();
        double[] s = x.clone();
        double h = 0.005;
        for (int n = 0; n < 100; n++) {
            double[] k1 = lorenz.field(s);
            double[] k2 = lorenz.field(axpy(h / 2, k1, s));
            double[] k3 = lorenz.field(axpy(h / 2, k2, s));
            double[] k4 = lorenz.field(axpy(h, k3, s));
            for (int i = 0; i < 3; i++) {
                s[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return s;
    }
}
