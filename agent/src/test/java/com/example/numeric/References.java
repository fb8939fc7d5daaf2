package com.example.numeric;

import java.util.function.BinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Method references to JDK functions made once, when a model is built (outside any recording),
 * and called while a gradient records: a layer whose activation is {@code Math::tanh}, a
 * reduction with {@code Double::sum} over boxes.
 */
public final class References {
    private final DoubleUnaryOperator activation;
    private final BinaryOperator<Double> combine;

    private References(DoubleUnaryOperator activation, BinaryOperator<Double> combine) {
        this.activation = activation;
        this.combine = combine;
    }

    /** A model built the way users build one: {@code x0 * tanh(x1) + x2 * x0}. */
    public static References tanhLayer() {
        return new References(Math::tanh, Double::sum);
    }

    /** {@code Math::sin}, made outside the recording that uses it. */
    public static DoubleUnaryOperator sine() {
        return Math::sin;
    }

    public double apply(double[] x) {
        Double product = x[2] * x[0];
        return combine.apply(x[0] * activation.applyAsDouble(x[1]), product);
    }
}
