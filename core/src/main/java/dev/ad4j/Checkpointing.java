package dev.ad4j;

import dev.ad4j.internal.checkpoint.Binomial;
import dev.ad4j.internal.checkpoint.CheckpointedLoop;
import dev.ad4j.internal.checkpoint.LoopCounters;
import dev.ad4j.internal.checkpoint.RecomputeRegion;
import dev.ad4j.internal.tape.Tape;

/**
 * Checkpointing: trade recomputation for tape memory.
 *
 * <h2>Time-stepping loops (binomial checkpointing, Griewank and Walther's Revolve)</h2>
 * <pre>{@code
 * double[] g = AD.gradient(x -> {
 *     double[] s = Arrays.copyOf(x, 32);               // initial state, active
 *     double[] p = Arrays.copyOfRange(x, 32, 35);      // parameters the step reads
 *     Checkpointing.iterate(200_000, s, 100, (i, u) -> heatStep(u, p));
 *     return energy(s);                                // s holds the final state
 * }, x0);
 * }</pre>
 * Inside a recording, {@link #iterate} runs the loop with the tape off, keeping at most
 * {@code snapshots} copies of the state (plus one working copy), and records only the final
 * state. When the reverse sweep reaches it, it re-runs steps from the snapshots on the
 * binomial schedule and tapes one step at a time, so the tape never holds more than one step.
 * No step runs forward more than {@link #repetitions} times, and the untaped step executions
 * total {@link #optimalAdvances}, Revolve's optimum. Outside a recording it is the plain loop.
 *
 * <p>The step must be deterministic and update the array it is given in place (it may be a
 * copy of the caller's state). Its derivatives flow to the initial state and to every active
 * value it reads that existed before the loop (captured parameter arrays, for instance); it
 * must not read values computed after the loop started, nor write to other arrays that the
 * caller reads.
 *
 * <h2>Recompute regions (JAX's {@code checkpoint})</h2>
 * {@link #recompute(VectorFunction, double[])} runs a function without keeping its internals
 * on the tape and tapes it again, on a copy of its input, when the reverse sweep needs them.
 */
public final class Checkpointing {
    private static final ThreadLocal<LoopCounters> LAST = new ThreadLocal<>();

    private Checkpointing() {
    }

    /** One time step: updates {@code state} in place from step {@code i} to {@code i + 1}. */
    @FunctionalInterface
    public interface Step {
        /** Advances {@code state} over step {@code i} (0-based). */
        void apply(int i, double[] state);
    }

    /**
     * Statistics of a checkpointed loop (see {@link #lastLoopStats()}).
     *
     * @param steps         steps of the loop
     * @param snapshots     snapshots allowed
     * @param advances      untaped step executions on the schedule: the forward pass and the
     *                      recomputation in the reverse pass ({@link #optimalAdvances} for one
     *                      reverse sweep)
     * @param tapedSteps    step executions recorded on a tape (one per step and sweep)
     * @param outputSteps   extra untaped executions of the last step producing the loop's result
     * @param snapshotsHeld most snapshots held at once
     * @param snapshotBytes bytes of those snapshots
     */
    public record LoopStats(int steps, int snapshots, long advances, long tapedSteps, long outputSteps,
            int snapshotsHeld, long snapshotBytes) {

        /** Revolve's optimum for this loop: {@link Checkpointing#optimalAdvances(int, int)}. */
        public long optimalAdvances() {
            return Checkpointing.optimalAdvances(steps, snapshots);
        }

        /** Step executions beyond one plain run of the loop: {@code advances + tapedSteps + outputSteps - steps}. */
        public long reExecutions() {
            return advances + tapedSteps + outputSteps - steps;
        }
    }

    /**
     * Runs {@code steps} steps on {@code state} in place, with binomial checkpointing if the
     * thread is recording. See the class comment.
     *
     * @param steps     number of steps, {@code >= 0}
     * @param state     the state, updated in place; on return it holds the final state
     * @param snapshots how many states the forward pass may keep, {@code >= 1} (the initial one included)
     * @param step      the step
     */
    public static void iterate(int steps, double[] state, int snapshots, Step step) {
        if (steps < 0 || snapshots < 1) {
            throw new IllegalArgumentException("need steps >= 0 and snapshots >= 1: steps=" + steps
                    + ", snapshots=" + snapshots);
        }
        Tape t = Tape.currentOrNull();
        if (steps == 0) {
            return;
        }
        if (t == null || !t.isRecording() || t.inLocal()) {
            // Not recording, or already inside a step being taped: the plain loop.
            for (int i = 0; i < steps; i++) {
                step.apply(i, state);
            }
            return;
        }
        LoopCounters counters = new LoopCounters(steps, snapshots, state.length);
        LAST.set(counters);
        new CheckpointedLoop(step, steps, state.length, snapshots, counters).record(t, state);
    }

    /**
     * {@code f(x)}, with the internals of {@code f} recomputed during the sweeps instead of kept
     * on the tape. {@code f} must be deterministic; like a step, it may read active values that
     * existed before the call. Outside a recording it is {@code f.apply(x)}.
     */
    public static double[] recompute(VectorFunction f, double[] x) {
        Tape t = Tape.currentOrNull();
        if (t == null || !t.isRecording() || t.inLocal()) {
            return f.apply(x);
        }
        return RecomputeRegion.vector(t, f, x);
    }

    /** The scalar form of {@link #recompute(VectorFunction, double[])}. */
    public static double recompute(ScalarFunction f, double[] x) {
        Tape t = Tape.currentOrNull();
        if (t == null || !t.isRecording() || t.inLocal()) {
            return f.apply(x);
        }
        return RecomputeRegion.scalar(t, f, x);
    }

    /**
     * Statistics of the last checkpointed loop recorded on this thread (live: the reverse pass
     * updates them), or null. After {@link AD#record}, they also count the loop's second reverse
     * sweep, which the adjoint trace runs to show what the loop adds.
     */
    public static LoopStats lastLoopStats() {
        LoopCounters k = LAST.get();
        if (k == null) {
            return null;
        }
        return new LoopStats(k.steps, k.snapshots, k.advances, k.tapedSteps, k.outputSteps, k.snapshotsHeld,
                8L * k.dim * k.snapshotsHeld);
    }

    /**
     * Revolve's optimum: the fewest untaped step executions (forward pass included) that reverse
     * {@code steps} steps with {@code snapshots} snapshots, {@code r n - C(s + r, r - 1)} with
     * {@code r = }{@link #repetitions(int, int)}.
     */
    public static long optimalAdvances(int steps, int snapshots) {
        return Binomial.optimalAdvances(steps, snapshots);
    }

    /** The least {@code r} with {@code C(snapshots + r, snapshots) >= steps}: no step runs forward more often. */
    public static int repetitions(int steps, int snapshots) {
        return Binomial.repetitions(steps, snapshots);
    }
}
