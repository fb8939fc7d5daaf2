package com.example.corpus.nn;

import java.util.function.DoubleUnaryOperator;

/**
 * Mean squared error of a 2-4-1 perceptron on four samples: dense layers as objects with weight
 * matrices in fields, activations passed as a method reference ({@code Math::tanh}) and a lambda.
 */
public final class TwoLayerPerceptron {

    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[] TARGETS = {0.1, 0.9, 0.9, 0.1};

    private TwoLayerPerceptron() {
    }

    static final class Dense {
        private final double[][] weights;
        private final double[] bias;
        private final DoubleUnaryOperator activation;

        Dense(double[] params, int offset, int in, int out, DoubleUnaryOperator activation) {
            weights = new double[out][in];
            bias = new double[out];
            int k = offset;
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    weights[o][i] = params[k++];
                }
                bias[o] = params[k++];
            }
            this.activation = activation;
        }

        double[] forward(double[] input) {
            double[] output = new double[bias.length];
            for (int o = 0; o < output.length; o++) {
                double z = bias[o];
                for (int i = 0; i < input.length; i++) {
                    z += weights[o][i] * input[i];
                }
                output[o] = activation.applyAsDouble(z);
            }
            return output;
        }
    }

    /** @param x 17 parameters: hidden layer (4 x (2 weights + bias)), then output (4 weights + bias) */
    public static double f(double[] x) {
        Dense hidden = new Dense(x, 0, 2, 4, Math::tanh);
        Dense output = new Dense(x, 12, 4, 1, z -> z);
        double loss = 0;
        for (int s = 0; s < INPUTS.length; s++) {
            double error = output.forward(hidden.forward(INPUTS[s]))[0] - TARGETS[s];
            loss += error * error;
        }
        return loss / INPUTS.length;
    }
}
