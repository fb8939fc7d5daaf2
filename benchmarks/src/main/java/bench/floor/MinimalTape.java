package bench.floor;

import java.util.Arrays;

/**
 * A tape reduced to what a reverse sweep reads: per statement the end of its arguments, per
 * argument the position of the statement it names and the partial. Sized once for its
 * function and reused, as ad4j reuses a thread's tape; statement 0 stands for "no statement".
 */
public final class MinimalTape {
    private final int[] end;
    private final int[] argPos;
    private final double[] partial;
    private int size;
    private int nargs;

    public MinimalTape(int statements, int arguments) {
        end = new int[statements + 1];
        argPos = new int[arguments];
        partial = new double[arguments];
    }

    /** Starts a recording: statements 1..n are the inputs. */
    public void begin(int inputs) {
        nargs = 0;
        for (int s = 1; s <= inputs; s++) {
            end[s] = 0;
        }
        size = inputs;
    }

    /** Adds an argument to the statement being recorded. */
    public void term(int pos, double partialDerivative) {
        argPos[nargs] = pos;
        partial[nargs++] = partialDerivative;
    }

    /** Ends the statement being recorded; returns its position. */
    public int close() {
        end[++size] = nargs;
        return size;
    }

    /** Ends more arguments appended to statement {@code s}, still the newest. */
    public void closeAppend(int s) {
        end[s] = nargs;
    }

    /** The gradient of statement {@code out} with respect to the {@code inputs} first statements. */
    public double[] gradient(int out, int inputs) {
        double[] adj = new double[size + 1];
        adj[out] = 1;
        for (int s = size; s > inputs; s--) {
            double a = adj[s];
            if (a != 0) {
                for (int k = end[s - 1]; k < end[s]; k++) {
                    adj[argPos[k]] += a * partial[k];
                }
            }
        }
        return Arrays.copyOfRange(adj, 1, inputs + 1);
    }
}
