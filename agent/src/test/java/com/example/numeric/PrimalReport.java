package com.example.numeric;

import java.util.Random;

/** Prints the raw bits of primal results, to compare runs with and without the agent. */
public final class PrimalReport {

    private PrimalReport() {
    }

    public static void main(String[] args) {
        Random random = new Random(42);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = random.doubles(8, -2, 2).toArray();
            print("rosenbrock", Rosenbrock.value(x));
            print("piecewise", Piecewise.value(x));
            print("compound", StackForms.compound(x));
            print("ternaryAndDup", StackForms.ternaryAndDup(x));
            print("copies", StackForms.copies(x));
            print("blackScholes", BlackScholes.price(new double[] {100 + x[0], 95 + x[1], 0.5 + 0.1 * x[2],
                0.03 + 0.01 * x[3], 0.2 + 0.05 * x[4]}));
        }
    }

    private static void print(String name, double v) {
        System.out.println(name + " " + Long.toHexString(Double.doubleToRawLongBits(v)));
    }
}
