package com.example.corpus.geometry;

/** Arc length of a cubic Bezier curve: recursive de Casteljau on arrays, Gauss-Legendre quadrature. */
public final class BezierArcLength {

    private static final double[] NODES = {-0.9061798459386640, -0.5384693101056831, 0.0,
        0.5384693101056831, 0.9061798459386640};
    private static final double[] WEIGHTS = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889,
        0.4786286704993665, 0.2369268850561891};

    private BezierArcLength() {
    }

    /** De Casteljau: one level of linear interpolation, then recurse on the shorter control polygon. */
    static double[] point(double[][] control, double t) {
        if (control.length == 1) {
            return control[0].clone();
        }
        double[][] next = new double[control.length - 1][];
        for (int i = 0; i < next.length; i++) {
            next[i] = new double[] {
                (1 - t) * control[i][0] + t * control[i + 1][0],
                (1 - t) * control[i][1] + t * control[i + 1][1],
            };
        }
        return point(next, t);
    }

    /** The hodograph: the derivative of a degree-n curve is a degree n-1 curve. */
    static double[][] derivative(double[][] control) {
        int n = control.length - 1;
        double[][] d = new double[n][2];
        for (int i = 0; i < n; i++) {
            d[i][0] = n * (control[i + 1][0] - control[i][0]);
            d[i][1] = n * (control[i + 1][1] - control[i][1]);
        }
        return d;
    }

    /** @param x four control points (x, y), flattened */
    public static double f(double[] x) {
        double[][] control = new double[4][];
        for (int i = 0; i < 4; i++) {
            control[i] = java.util.Arrays.copyOfRange(x, 2 * i, 2 * i + 2);
        }
        double[][] hodograph = derivative(control);
        double length = 0;
        for (int k = 0; k < NODES.length; k++) {
            double t = 0.5 * (NODES[k] + 1);
            double[] velocity = point(hodograph, t);
            length += 0.5 * WEIGHTS[k] * Math.hypot(velocity[0], velocity[1]);
        }
        return length;
    }
}
