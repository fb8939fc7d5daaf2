package com.example.corpus.nn;

/** Squared error of an Elman recurrent cell unrolled over a short sequence; the state is cloned per step. */
public final class ElmanRecurrentCell {

    private static final double[] SEQUENCE = {0.5, -1.0, 0.25, 0.8, -0.3};
    private static final int H = 3;

    private ElmanRecurrentCell() {
    }

    static final class Cell {
        final double[][] recurrent = new double[H][H];
        final double[] inputWeights = new double[H];
        final double[] bias = new double[H];

        Cell(double[] params) {
            for (int i = 0; i < H; i++) {
                System.arraycopy(params, i * H, recurrent[i], 0, H);
            }
            System.arraycopy(params, H * H, inputWeights, 0, H);
            System.arraycopy(params, H * H + H, bias, 0, H);
        }

        double[] step(double[] state, double input) {
            double[] next = bias.clone();
            for (int i = 0; i < H; i++) {
                next[i] += inputWeights[i] * input;
                for (int j = 0; j < H; j++) {
                    next[i] += recurrent[i][j] * state[j];
                }
                next[i] = Math.tanh(next[i]);
            }
            return next;
        }
    }

    /** @param x 18 parameters: recurrent 3x3, input weights 3, bias 3, readout 3 */
    public static double f(double[] x) {
        Cell cell = new Cell(x);
        double[] state = new double[H];
        for (double input : SEQUENCE) {
            state = cell.step(state, input);
        }
        double out = 0;
        for (int i = 0; i < H; i++) {
            out += x[H * H + 2 * H + i] * state[i];
        }
        double error = out - 0.7;
        return 0.5 * error * error;
    }
}
