package bench.floor;

import java.util.Arrays;

/**
 * A tape reduced to what a reverse sweep reads: per statement the end of its arguments, per
 * argument the position of the statement it names and the partial. Sized once for its
 * function and reused, as ad4j reuses a thread's tape; statement 0 stands for "no statement".
 *
 * <p>The checked floors also use {@link #beginChecked}, {@link #read}, {@link #room} and
 * {@link #close(double)}: the checks no instrumentation can skip, each read of an array
 * element looked up in the array's shadow (the statement it holds) and accepted only if that
 * statement is recorded and its value has the bits just read, as ad4j's {@code Tape.check}
 * does; capacity tested before each append; each statement's value kept for those checks.
 */
public final class MinimalTape {
    private final int[] end;
    private final int[] argPos;
    private final double[] partial;
    private final double[] value;
    private int size;
    private int nargs;

    public MinimalTape(int statements, int arguments) {
        end = new int[statements + 1];
        value = new double[statements + 1];
        argPos = new int[arguments];
        partial = new double[arguments];
    }

    /**
     * Starts a recording whose inputs are the elements of {@code x}: statements 1..n, with their
     * values; {@code shadow[i]} gets the statement {@code x[i]} holds.
     */
    public void beginChecked(double[] x, int[] shadow) {
        int n = x.length;
        begin(n);
        System.arraycopy(x, 0, value, 1, n);
        for (int i = 0; i < n; i++) {
            shadow[i] = i + 1;
        }
    }

    /** The statement {@code idx} if it is recorded and its value has the bits of {@code v}, else 0 (passive). */
    public int read(int idx, double v) {
        if (idx <= 0 || idx > size) {
            return 0;
        }
        return Double.doubleToRawLongBits(value[idx]) == Double.doubleToRawLongBits(v) ? idx : 0;
    }

    /** Fails unless {@code args} more arguments fit (ad4j grows its tape here instead). */
    public void room(int args) {
        if (nargs + args > argPos.length || size + 1 >= end.length) {
            throw new IllegalStateException("tape full");
        }
    }

    /** {@link #term} unless {@code pos} is 0 (a passive value). */
    public void termIfActive(int pos, double partialDerivative) {
        if (pos != 0) {
            term(pos, partialDerivative);
        }
    }

    /** {@link #close()}, keeping the statement's value {@code v} for {@link #read}. */
    public int close(double v) {
        int s = close();
        value[s] = v;
        return s;
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
