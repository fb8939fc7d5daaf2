package bench.hand;

import bench.model.LotkaVolterraRk4;

/**
 * Gradient of {@link LotkaVolterraRk4} by forward sensitivities: RK4 applied to the state and
 * its 2 x 6 Jacobian {@code S} together ({@code S' = f_s S + f_p}). RK4 commutes with
 * differentiation, so this is the exact derivative of the discrete solution, not an
 * approximation of the continuous one.
 */
public final class LotkaVolterraRk4Hand {
    private static final int P = 6;

    private LotkaVolterraRk4Hand() {
    }

    public static double[] gradient(LotkaVolterraRk4 m, double[] p) {
        double h = m.h;
        // z = (x, y, S row 0 [6], S row 1 [6]): state and sensitivities, 14 entries.
        double[] z = new double[2 + 2 * P];
        z[0] = p[4];
        z[1] = p[5];
        z[2 + 4] = 1;      // dx/dx0
        z[2 + P + 5] = 1;  // dy/dy0
        double[] k1 = new double[z.length];
        double[] k2 = new double[z.length];
        double[] k3 = new double[z.length];
        double[] k4 = new double[z.length];
        double[] tmp = new double[z.length];
        for (int i = 0; i < m.steps; i++) {
            rhs(p, z, k1);
            axpy(z, 0.5 * h, k1, tmp);
            rhs(p, tmp, k2);
            axpy(z, 0.5 * h, k2, tmp);
            rhs(p, tmp, k3);
            axpy(z, h, k3, tmp);
            rhs(p, tmp, k4);
            for (int j = 0; j < z.length; j++) {
                z[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        double ex = 2 * (z[0] - 1);
        double ey = 2 * (z[1] - 0.5);
        double[] g = new double[P];
        for (int j = 0; j < P; j++) {
            g[j] = ex * z[2 + j] + ey * z[2 + P + j];
        }
        return g;
    }

    /** The augmented right-hand side: {@code f(s)} and {@code f_s S + f_p}. */
    private static void rhs(double[] p, double[] z, double[] out) {
        double a = p[0], b = p[1], c = p[2], d = p[3];
        double x = z[0], y = z[1];
        out[0] = a * x - b * x * y;
        out[1] = c * x * y - d * y;
        double fxx = a - b * y, fxy = -b * x;
        double fyx = c * y, fyy = c * x - d;
        for (int j = 0; j < P; j++) {
            double sx = z[2 + j];
            double sy = z[2 + P + j];
            out[2 + j] = fxx * sx + fxy * sy;
            out[2 + P + j] = fyx * sx + fyy * sy;
        }
        out[2] += x;            // dfx/da
        out[3] -= x * y;        // dfx/db
        out[2 + P + 2] += x * y; // dfy/dc
        out[2 + P + 3] -= y;    // dfy/dd
    }

    private static void axpy(double[] s, double c, double[] k, double[] out) {
        for (int j = 0; j < s.length; j++) {
            out[j] = s[j] + c * k[j];
        }
    }
}
