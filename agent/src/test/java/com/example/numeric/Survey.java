package com.example.numeric;

/** The survey's example y = ln x1 + x1 x2 - sin x2 as a one-line expression. */
public final class Survey {

    private Survey() {
    }

    public static double f(double[] x) {
        return Math.log(x[0]) + x[0] * x[1] - Math.sin(x[1]);
    }

    public static double constant(double[] x) {
        return x.length * 2.5;
    }
}
