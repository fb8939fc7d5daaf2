package com.example.regress;

/**
 * Found by the differential fuzzer (seed 20240917, program 904), minimised; a false alarm of the
 * oracle, kept to keep the oracle honest. At
 * x = {1.1110797444910694, -1.5015335359379214} the ternary takes its passive branch
 * ({@code v1 <= r(v1, 2)} is false), and differences with steps 1e-5 and 1e-6 give 306.789123...; the rewritten code
 * returns 153.894561..., which is right: the condition flips every ~1e-6 in x0, so the
 * differences straddled a branch change (see FuzzRegressionTest).
 */
public final class RecursiveCallInTernaryCondition {

    private RecursiveCallInTernaryCondition() {
    }

    static double r(double a, int d) {
        if (d <= 0) {
            return Math.pow(1.25 + Math.sin(a), a);
        }
        return 0.5 + 0.5 * r(a, d - 1);
    }

    public static double f(double[] x) {
        double v0 = 0.5 * x[0];
        double v1 = 1.5 * x[0];
        double[] a1 = new double[2];
        v1 = (Math.pow(1.25 + Math.sin(v1), (v1 * (double) (int) (x[0] * 2.0))) * (StrictMath.sin(x[0]) + (x[0] + 2.0)));
        v0 = v1;
        for (int i0 = 0; i0 < 2; i0++) {
            v1 = ((x[0] * v1) * v0);
        }
        v0 += (v1 <= r(v1, 2) ? v0 : a1[1]);
        return (x[0] + v0) + 0.125 * x[1];
    }
}
