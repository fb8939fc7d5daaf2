package com.example.corpus.ode;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Heun's method for y' = g(t, y) where g is a bound method reference to a model object, and the
 * observation is built with the JDK's {@code DoubleUnaryOperator.andThen/compose} around
 * {@code Math::log1p} and a capturing lambda.
 */
public final class ComposedOperatorsHeun {

    private ComposedOperatorsHeun() {
    }

    static final class GompertzModel {
        private final double growth;
        private final double capacity;

        GompertzModel(double growth, double capacity) {
            this.growth = growth;
            this.capacity = capacity;
        }

        double rhs(double t, double y) {
            return growth * y * Math.log(capacity / y);
        }
    }

    static double heun(DoubleBinaryOperator g, double y0, double h, int steps) {
        double y = y0;
        double t = 0;
        for (int n = 0; n < steps; n++) {
            double k1 = g.applyAsDouble(t, y);
            double k2 = g.applyAsDouble(t + h, y + h * k1);
            y += h / 2 * (k1 + k2);
            t += h;
        }
        return y;
    }

    /** @param x growth, capacity, initial value, observation gain */
    public static double f(double[] x) {
        GompertzModel model = new GompertzModel(x[0], x[1]);
        double y = heun(model::rhs, x[2], 0.05, 60);
        double gain = x[3];
        DoubleUnaryOperator observe = DoubleUnaryOperator.identity();
        observe = observe.andThen(Math::log1p).andThen(v -> gain * v).compose(v -> v * v);
        return observe.applyAsDouble(y);
    }
}
