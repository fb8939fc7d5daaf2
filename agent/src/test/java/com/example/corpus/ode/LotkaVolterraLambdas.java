package com.example.corpus.ode;

import java.util.Arrays;

/** Predator-prey dynamics as a lambda capturing four double parameters, integrated by the midpoint method. */
public final class LotkaVolterraLambdas {

    private LotkaVolterraLambdas() {
    }

    @FunctionalInterface
    interface VectorField {
        double[] at(double t, double[] y);
    }

    static VectorField predatorPrey(double a, double b, double c, double d) {
        return (t, y) -> new double[] {a * y[0] - b * y[0] * y[1], c * y[0] * y[1] - d * y[1]};
    }

    static double[] midpoint(VectorField field, double[] y0, double h, int steps) {
        double[] y = Arrays.copyOf(y0, y0.length);
        double t = 0;
        for (int n = 0; n < steps; n++) {
            double[] k1 = field.at(t, y);
            double[] half = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                half[i] = y[i] + 0.5 * h * k1[i];
            }
            double[] k2 = field.at(t + 0.5 * h, half);
            for (int i = 0; i < y.length; i++) {
                y[i] += h * k2[i];
            }
            t += h;
        }
        return y;
    }

    /** @param x a, b, c, d, initial prey, initial predators */
    public static double f(double[] x) {
        double[] y = midpoint(predatorPrey(x[0], x[1], x[2], x[3]), new double[] {x[4], x[5]}, 0.01, 300);
        return y[0] + 2 * y[1];
    }
}
