package com.example.corpus.nn;

/**
 * A small network whose layers pick their activation from an enum with constant-specific method
 * bodies, and whose loss is chosen by a switch expression.
 */
public final class EnumActivationNetwork {

    private static final double[][] INPUTS = {{0.5, -1.0}, {1.5, 0.3}, {-0.7, 0.8}};
    private static final double[] TARGETS = {0.2, 1.1, -0.4};

    private EnumActivationNetwork() {
    }

    enum Activation {
        TANH {
            @Override
            double apply(double z) {
                return Math.tanh(z);
            }
        },
        SOFTPLUS {
            @Override
            double apply(double z) {
                return z > 20 ? z : Math.log1p(Math.exp(z));
            }
        },
        IDENTITY {
            @Override
            double apply(double z) {
                return z;
            }
        };

        abstract double apply(double z);
    }

    enum Loss { SQUARED, HUBER }

    static double[] layer(double[] in, double[] params, int offset, int outputs, Activation activation) {
        double[] out = new double[outputs];
        int k = offset;
        for (int o = 0; o < outputs; o++) {
            double z = params[k++];
            for (double v : in) {
                z += params[k++] * v;
            }
            out[o] = activation.apply(z);
        }
        return out;
    }

    static double loss(Loss kind, double error) {
        return switch (kind) {
            case SQUARED -> 0.5 * error * error;
            case HUBER -> {
                double a = Math.abs(error);
                yield a <= 1 ? 0.5 * error * error : a - 0.5;
            }
        };
    }

    /** @param x 3 x (1 + 2) hidden, 3 x (1 + 3) second hidden, 1 + 3 output = 25 parameters */
    public static double f(double[] x) {
        double total = 0;
        for (int s = 0; s < INPUTS.length; s++) {
            double[] h1 = layer(INPUTS[s], x, 0, 3, Activation.TANH);
            double[] h2 = layer(h1, x, 9, 3, Activation.SOFTPLUS);
            double[] out = layer(h2, x, 21, 1, Activation.IDENTITY);
            total += loss(s % 2 == 0 ? Loss.SQUARED : Loss.HUBER, out[0] - TARGETS[s]);
        }
        return total;
    }
}
