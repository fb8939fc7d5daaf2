package com.example.regress;

/**
 * Found by the differential fuzzer (seed 7, all features, program 2407), minimised; a false alarm
 * of the oracle. Three Newton-like steps blow {@code s} up to about 9e8 and atan flattens it: the
 * derivative is tiny but oscillates with cos(a) of a huge a, so finite differences with steps
 * 1e-5 to 1e-7 all see about 0 while the true derivative by x2 is -5.296e-5 (forward-mode dual
 * numbers agree with ad4j to the last digit; see FuzzRegressionTest).
 */
public final class OscillationUnderAtan {

    static double s;

    private OscillationUnderAtan() {
    }

    static double h(double a) {
        int w = 0;
        while (w < 3) {
            a -= ((-0.75) / (2.0 + Math.sin(a))) * (a * a);
            w++;
        }
        return a;
    }

    public static double f(double[] x) {
        double v0 = x[2];
        double[] a0 = new double[4];
        s = 0.25 * x[2];
        Double d0 = x[1];
        s += (3.0 + v0) * ((long) (x[2] * 3.0) + d0);
        for (int i = 0; i < 4; i++) {
            a0[i] = Math.atan(h(s));
        }
        return (0.3 + a0[2]) + 0.125 * x[1];
    }
}
