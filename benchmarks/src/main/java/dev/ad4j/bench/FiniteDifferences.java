package dev.ad4j.bench;

import dev.ad4j.ScalarFunction;

/** Central finite differences, the gradient that needs no derivative code: 2n evaluations of f. */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** Step {@code cbrt(ulp(1))}: balances truncation O(h^2) against rounding O(eps/h). */
    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    public static double[] central(ScalarFunction f, double[] x) {
        double[] xh = x.clone();
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = STEP * Math.max(1, Math.abs(xi));
            double up = xi + h;
            double down = xi - h;
            xh[i] = up;
            double fUp = f.apply(xh);
            xh[i] = down;
            double fDown = f.apply(xh);
            xh[i] = xi;
            g[i] = (fUp - fDown) / (up - down);
        }
        return g;
    }
}
