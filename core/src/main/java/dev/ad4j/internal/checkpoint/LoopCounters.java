package dev.ad4j.internal.checkpoint;

/** Counters of one checkpointed loop, updated as its passes run. */
public final class LoopCounters {
    /** Steps of the loop. */
    public final int steps;
    /** Snapshots allowed. */
    public final int snapshots;
    /** Length of the state. */
    public final int dim;
    /** Untaped step executions on the schedule (forward pass and recomputation). */
    public long advances;
    /** Step executions on a tape (reverse and tangent passes). */
    public long tapedSteps;
    /** Untaped executions of the last step that produce the loop's result. */
    public long outputSteps;
    /** Most snapshots held at once. */
    public int snapshotsHeld;

    /** Counters for a loop. */
    public LoopCounters(int steps, int snapshots, int dim) {
        this.steps = steps;
        this.snapshots = snapshots;
        this.dim = dim;
    }
}
