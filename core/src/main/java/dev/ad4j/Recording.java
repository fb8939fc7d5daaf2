package dev.ad4j;

import dev.ad4j.internal.trace.TraceRenderer;
import java.util.Arrays;

/**
 * A finished recording of a scalar function: its value, gradient, tape statistics and a copy
 * of the tape for teaching-style traces (the thread's tape itself is reused by the next
 * recording).
 *
 * <pre>{@code
 * Recording r = AD.record(x -> Math.log(x[0]) + x[0] * x[1] - Math.sin(x[1]), new double[] {2, 5});
 * System.out.print(r.primalTrace());   // v-1 = x1 = 2.000 ... y = v5 = 11.652
 * System.out.print(r.adjointTrace());  // ... x̄1 = v̄-1 = 5.500, x̄2 = v̄0 = 1.716
 * Files.writeString(Path.of("graph.dot"), r.dot());
 * }</pre>
 */
public final class Recording {
    private final double value;
    private final double[] gradient;
    private final TapeStats stats;
    private final TraceRenderer renderer;

    Recording(double value, double[] gradient, TapeStats stats, TraceRenderer renderer) {
        this.value = value;
        this.gradient = gradient;
        this.stats = stats;
        this.renderer = renderer;
    }

    /** f(x). */
    public double value() {
        return value;
    }

    /** The gradient of f at x (a copy). */
    public double[] gradient() {
        return gradient.clone();
    }

    /** Size of the recorded tape. */
    public TapeStats stats() {
        return stats;
    }

    /**
     * The forward primal trace (Baydin et al. 2018, Table 2 layout): inputs {@code v(1-n)..v0},
     * then one line per statement, e.g. {@code v2 = v-1 * v0 = 10.000}; constants print as {@code c}.
     */
    public String primalTrace() {
        return renderer.primalTrace();
    }

    /**
     * The reverse adjoint trace (Table 3 layout): {@code v̄5 = ȳ = 1.000}, then per statement in
     * reverse and per argument {@code v̄0 = v̄0 + v̄2 ∂v2/∂v0 = 1.716}, then {@code x̄i = ...}.
     */
    public String adjointTrace() {
        return renderer.adjointTrace();
    }

    /** Graphviz DOT of the computational graph (nodes: statements with value and adjoint; edges: partials). */
    public String dot() {
        return renderer.dot();
    }

    @Override
    public String toString() {
        return "Recording[value=" + value + ", gradient=" + Arrays.toString(gradient) + ", " + stats + "]";
    }
}
