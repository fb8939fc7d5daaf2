package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * A loss of an ODE solution: the Lotka-Volterra system {@code x' = a x - b x y},
 * {@code y' = c x y - d y} integrated by classic RK4 with a fixed step; parameters
 * {@code p = (a, b, c, d, x0, y0)}; loss {@code (x(T) - 1)^2 + (y(T) - 0.5)^2}.
 * Written with state arrays and a right-hand-side method, as ODE code usually is.
 */
public final class LotkaVolterraRk4 implements ScalarFunction {
    public final int steps;
    public final double h;

    public LotkaVolterraRk4(int steps, double h) {
        this.steps = steps;
        this.h = h;
    }

    @Override
    public double apply(double[] p) {
        double[] s = {p[4], p[5]};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        for (int i = 0; i < steps; i++) {
            rhs(p, s, k1);
            axpy(s, 0.5 * h, k1, tmp);
            rhs(p, tmp, k2);
            axpy(s, 0.5 * h, k2, tmp);
            rhs(p, tmp, k3);
            axpy(s, h, k3, tmp);
            rhs(p, tmp, k4);
            for (int j = 0; j < 2; j++) {
                s[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        double ex = s[0] - 1;
        double ey = s[1] - 0.5;
        return ex * ex + ey * ey;
    }

    /** {@code out = f(s; p)}. */
    static void rhs(double[] p, double[] s, double[] out) {
        double x = s[0];
        double y = s[1];
        out[0] = p[0] * x - p[1] * x * y;
        out[1] = p[2] * x * y - p[3] * y;
    }

    /** {@code out = s + c k}. */
    static void axpy(double[] s, double c, double[] k, double[] out) {
        for (int j = 0; j < s.length; j++) {
            out[j] = s[j] + c * k[j];
        }
    }
}
