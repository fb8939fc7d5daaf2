package dev.ad4j.internal.sweep;

/**
 * Reverse (adjoint) and forward (tangent) sweeps over the flat tape arrays.
 * Positions are 1-based: statement {@code s} has arguments {@code end[s-1] .. end[s]-1}.
 * Statements without arguments (inputs) keep the seed they were given.
 *
 * <p>Zero adjoints (reverse) and zero tangents (forward) are skipped, so an infinite or NaN
 * partial on a path that carries no derivative does not pollute the result with NaN
 * ({@code 0 * Infinity}); this is the usual convention of tape-based tools.
 */
public final class Sweeps {
    private Sweeps() {
    }

    /**
     * Reverse sweep: {@code adj} holds the seeds (by position, length &gt; {@code from});
     * on return it holds the adjoints of all statements at or below {@code from}.
     */
    public static void reverse(int[] end, int[] argPos, double[] partial, double[] adj, int from) {
        for (int s = from; s > 0; s--) {
            double a = adj[s];
            if (a == 0) {
                continue;
            }
            int e = end[s];
            for (int k = end[s - 1]; k < e; k++) {
                adj[argPos[k]] += partial[k] * a;
            }
        }
    }

    /**
     * Forward sweep: {@code tan} holds the input tangents (by position); on return it holds the
     * tangents of all statements up to {@code to}.
     */
    public static void forward(int[] end, int[] argPos, double[] partial, double[] tan, int to) {
        for (int s = 1; s <= to; s++) {
            int b = end[s - 1];
            int e = end[s];
            if (b == e) {
                continue;
            }
            double d = 0;
            for (int k = b; k < e; k++) {
                double td = tan[argPos[k]];
                if (td != 0) {
                    d += partial[k] * td;
                }
            }
            tan[s] = d;
        }
    }

    /**
     * Vector reverse sweep with {@code lanes} adjoints per statement, interleaved:
     * {@code adj[s * lanes + l]}. One pass over the tape serves all lanes.
     */
    public static void reverse(int[] end, int[] argPos, double[] partial, double[] adj, int from, int lanes) {
        for (int s = from; s > 0; s--) {
            int so = s * lanes;
            boolean any = false;
            for (int l = 0; l < lanes; l++) {
                if (adj[so + l] != 0) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                continue;
            }
            int e = end[s];
            for (int k = end[s - 1]; k < e; k++) {
                double p = partial[k];
                int ao = argPos[k] * lanes;
                for (int l = 0; l < lanes; l++) {
                    double a = adj[so + l];
                    if (a != 0) {
                        adj[ao + l] += p * a;
                    }
                }
            }
        }
    }

    /**
     * Vector forward sweep with {@code lanes} tangents per statement, interleaved:
     * {@code tan[s * lanes + l]}.
     */
    public static void forward(int[] end, int[] argPos, double[] partial, double[] tan, int to, int lanes) {
        for (int s = 1; s <= to; s++) {
            int b = end[s - 1];
            int e = end[s];
            if (b == e) {
                continue;
            }
            int so = s * lanes;
            for (int l = 0; l < lanes; l++) {
                tan[so + l] = 0;
            }
            for (int k = b; k < e; k++) {
                double p = partial[k];
                int ao = argPos[k] * lanes;
                for (int l = 0; l < lanes; l++) {
                    double td = tan[ao + l];
                    if (td != 0) {
                        tan[so + l] += p * td;
                    }
                }
            }
        }
    }
}
