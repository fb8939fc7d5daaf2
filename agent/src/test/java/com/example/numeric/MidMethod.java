package com.example.numeric;

/**
 * A method of about 680 bytes whose temporaries, kept as expression forms, would give it a
 * recording body over HotSpot's 8000-byte limit for compiling: the rewriter records it one
 * statement per operation instead, which keeps the body under the limit.
 */
public final class MidMethod {

    private MidMethod() {
    }

    /** @param x four values */
    public static double value(double[] x) {
        double s = 0;
        double t0 = x[0] * x[1] - 1.0 * x[2];
        s = s * 0.9 + t0 * t0 - 0.50 * t0 * x[0];
        double t1 = x[1] * x[2] - 1.1 * x[3];
        s = s * 0.9 + t1 * t1 - 0.51 * t1 * x[1];
        double t2 = x[2] * x[3] - 1.2 * x[0];
        s = s * 0.9 + t2 * t2 - 0.52 * t2 * x[2];
        double t3 = x[3] * x[0] - 1.3 * x[1];
        s = s * 0.9 + t3 * t3 - 0.53 * t3 * x[3];
        double t4 = x[0] * x[1] - 1.4 * x[2];
        s = s * 0.9 + t4 * t4 - 0.54 * t4 * x[0];
        double t5 = x[1] * x[2] - 1.5 * x[3];
        s = s * 0.9 + t5 * t5 - 0.55 * t5 * x[1];
        double t6 = x[2] * x[3] - 1.6 * x[0];
        s = s * 0.9 + t6 * t6 - 0.56 * t6 * x[2];
        double t7 = x[3] * x[0] - 1.7 * x[1];
        s = s * 0.9 + t7 * t7 - 0.57 * t7 * x[3];
        double t8 = x[0] * x[1] - 1.8 * x[2];
        s = s * 0.9 + t8 * t8 - 0.58 * t8 * x[0];
        double t9 = x[1] * x[2] - 1.9 * x[3];
        s = s * 0.9 + t9 * t9 - 0.59 * t9 * x[1];
        double t10 = x[2] * x[3] - 2.0 * x[0];
        s = s * 0.9 + t10 * t10 - 0.60 * t10 * x[2];
        double t11 = x[3] * x[0] - 2.1 * x[1];
        s = s * 0.9 + t11 * t11 - 0.61 * t11 * x[3];
        double t12 = x[0] * x[1] - 2.2 * x[2];
        s = s * 0.9 + t12 * t12 - 0.62 * t12 * x[0];
        double t13 = x[1] * x[2] - 2.3 * x[3];
        s = s * 0.9 + t13 * t13 - 0.63 * t13 * x[1];
        double t14 = x[2] * x[3] - 2.4 * x[0];
        s = s * 0.9 + t14 * t14 - 0.64 * t14 * x[2];
        double t15 = x[3] * x[0] - 2.5 * x[1];
        s = s * 0.9 + t15 * t15 - 0.65 * t15 * x[3];
        double t16 = x[0] * x[1] - 2.6 * x[2];
        s = s * 0.9 + t16 * t16 - 0.66 * t16 * x[0];
        return s;
    }
}
