package com.example.regress;

/**
 * Found by the differential fuzzer (seed 20240917, program 904), minimised. At
 * x = {1.1110797444910694, -1.5015335359379214} the ternary takes its passive branch
 * ({@code v1 <= r(v1, 2)} is false), so d/dx0 = 1 + dv0/dx0 = 306.789123...; the rewritten code
 * returns 153.894561... (dv0/dx0 halved).
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
