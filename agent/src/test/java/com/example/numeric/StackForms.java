package com.example.numeric;

/**
 * Code whose bytecode uses the DUP2_X family, chained assignments, compound assignments on
 * array elements, ternaries, arraycopy and exceptions: each moves doubles across the stack.
 */
public final class StackForms {

    private static double lastValue;

    private StackForms() {
    }

    public static double compound(double[] x) {
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] += x[i] * x[i];
            a[i] *= 3;
            a[i] -= x[i];
        }
        double s = 0;
        double t;
        for (double v : a) {
            s = t = s + v; // chained assignment: DUP2
            s += t * 0.5;
        }
        return s;
    }

    public static double ternaryAndDup(double[] x) {
        double[] b = {0};
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y += (x[i] > 0 ? x[i] : -x[i]) * (b[0] = x[i] * 2); // DUP2_X2 into array
        }
        return y + b[0];
    }

    public static double copies(double[] x) {
        double[] c = new double[x.length + 2];
        System.arraycopy(x, 0, c, 1, x.length);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * (i + 1);
        }
        return s;
    }

    static double risky(double v) {
        if (v > 1) {
            throw new IllegalArgumentException("too big");
        }
        return v * v;
    }

    public static double exceptions(double[] x) {
        double s = 0;
        for (double v : x) {
            try {
                s += risky(v);
            } catch (IllegalArgumentException e) {
                s += Math.log(v);
            }
        }
        return s;
    }

    public static double longsAndInts(double[] x) {
        long n = 3;
        double s = x[0] * n;            // L2D: passive
        int k = (int) x[1];             // D2I: passive by definition
        s += x[1] * k;
        lastValue = s;
        return s;
    }
}
