package dev.ad4j.internal.checkpoint;

import dev.ad4j.Checkpointing;
import dev.ad4j.internal.tape.Tape;

/**
 * One checkpointed time loop on a recording tape: runs the forward pass without a tape,
 * keeping at most {@code c} snapshots, and reverses the loop on the binomial schedule when
 * the enclosing reverse sweep reaches its outputs.
 *
 * <h2>Schedule</h2>
 * A stack of frames {@code (a, b, c)}: "reverse steps a..b-1; the state before step a is in
 * snapshot slot d (the frame's depth); c snapshots may be used, slot d included". The top
 * frame either splits (advance to {@code a + m}, {@link Binomial#split}, store that state in
 * slot d+1, push {@code (a+m, b, c-1)} and keep {@code (a, a+m, c)}) or, with one snapshot or
 * one step left, tapes its last step ({@code restore a, advance to b-1, tape b-1, b--}). This
 * is the recurrence of {@link Binomial}, so the untaped forward steps total
 * {@link Binomial#optimalAdvances}. The forward pass is that schedule up to its first taped
 * step, which it leaves to the reverse pass: the working array then holds the state before the
 * last step, and a copy of it runs that step once more to produce the loop's result.
 */
public final class CheckpointedLoop implements Tape.External {
    private final Checkpointing.Step step;
    private final int n;
    private final int dim;
    private final int c;
    private final LoopCounters counters;
    private final LocalSweep local = new LocalSweep();

    private final double[][] slots;
    private final int[] fa;
    private final int[] fb;
    private final int[] fc;
    private int depth;
    private final double[] work;
    private int workStep;
    private boolean fresh = true;

    private int[] inPos;
    private int first;

    /** Sets up a loop of {@code steps >= 1} steps over a state of {@code dim} values. */
    public CheckpointedLoop(Checkpointing.Step step, int steps, int dim, int snapshots, LoopCounters counters) {
        this.step = step;
        this.n = steps;
        this.dim = dim;
        this.c = Math.max(1, Math.min(snapshots, steps));
        this.counters = counters;
        this.slots = new double[c][];
        this.fa = new int[c];
        this.fb = new int[c];
        this.fc = new int[c];
        this.work = new double[dim];
    }

    /**
     * The forward pass on the thread's recording tape: runs the loop on {@code state} with
     * recording suspended, then records the final state as the outputs of this external group
     * and gives {@code state} their indices.
     */
    public void record(Tape t, double[] state) {
        inPos = LocalSweep.positions(t, state);
        System.arraycopy(state, 0, work, 0, dim);
        workStep = 0;
        t.suspend();
        try {
            descend();
            // The result: the last step once more, on the caller's array.
            System.arraycopy(work, 0, state, 0, dim);
            step.apply(n - 1, state);
            counters.outputSteps++;
        } finally {
            t.resume();
        }
        int firstIdx = t.external(this, state);
        first = t.position(firstIdx);
        int[] shadow = t.shadowForWrite(state);
        for (int i = 0; i < dim; i++) {
            shadow[i] = firstIdx + i;
        }
    }

    @Override
    public void reverse(Tape t, double[] adj, int lanes) {
        double[] lambda = new double[dim * lanes];
        boolean any = false;
        for (int i = 0; i < dim * lanes; i++) {
            lambda[i] = adj[first * lanes + i];
            any |= lambda[i] != 0;
        }
        if (!any) {
            return;
        }
        if (!fresh) {
            // A second reverse sweep (several Jacobian batches): start the schedule over.
            System.arraycopy(slots[0], 0, work, 0, dim);
            workStep = 0;
            t.suspend();
            try {
                descend();
            } finally {
                t.resume();
            }
        }
        fresh = false;
        while (depth >= 0) {
            int d = depth;
            if (fb[d] == fa[d]) {
                depth--;
            } else if (fb[d] - fa[d] > 1 && fc[d] > 1) {
                suspended(t, () -> split(d));
            } else {
                int j = fb[d] - 1;
                suspended(t, () -> {
                    restore(d, j);
                    advanceTo(j);
                });
                lambda = local.reverse(t, work, body(j), lambda, adj, lanes, first);
                workStep = j + 1;
                counters.tapedSteps++;
                fb[d] = j;
            }
        }
        for (int i = 0; i < dim; i++) {
            int p = inPos[i];
            for (int l = 0; l < lanes && p != 0; l++) {
                adj[p * lanes + l] += lambda[i * lanes + l];
            }
        }
    }

    @Override
    public void forward(Tape t, double[] tan, int lanes) {
        double[] tangent = new double[dim * lanes];
        for (int i = 0; i < dim; i++) {
            int p = inPos[i];
            for (int l = 0; l < lanes && p != 0; l++) {
                tangent[i * lanes + l] = tan[p * lanes + l];
            }
        }
        // Tangents run forward with the steps: no schedule, one taped step at a time.
        double[] w = slots[0].clone();
        for (int j = 0; j < n; j++) {
            tangent = local.forward(t, w, body(j), tangent, tan, lanes, first);
            counters.tapedSteps++;
        }
        System.arraycopy(tangent, 0, tan, first * lanes, dim * lanes);
        fresh = false; // the working array no longer holds the state before the last step
    }

    private LocalSweep.Body body(int j) {
        return (t, s) -> {
            step.apply(j, s);
            return LocalSweep.positions(t, s);
        };
    }

    /** Runs the schedule from the root frame up to its first taped step (recording suspended). */
    private void descend() {
        depth = 0;
        fa[0] = 0;
        fb[0] = n;
        fc[0] = c;
        store(0);
        while (fb[depth] - fa[depth] > 1 && fc[depth] > 1) {
            split(depth);
        }
        restore(depth, fb[depth] - 1);
        advanceTo(fb[depth] - 1);
        counters.snapshotsHeld = Math.max(counters.snapshotsHeld, depth + 1);
    }

    private void split(int d) {
        int a = fa[d];
        int b = fb[d];
        int m = Binomial.split(b - a, fc[d]);
        restore(d, a + m);
        advanceTo(a + m);
        fb[d] = a + m;
        depth = d + 1;
        fa[depth] = a + m;
        fb[depth] = b;
        fc[depth] = fc[d] - 1;
        store(depth);
        counters.snapshotsHeld = Math.max(counters.snapshotsHeld, depth + 1);
    }

    /** Makes {@code work} a state from which {@code target} is reachable: the slot's unless it already is one. */
    private void restore(int d, int target) {
        if (workStep < fa[d] || workStep > target) {
            System.arraycopy(slots[d], 0, work, 0, dim);
            workStep = fa[d];
        }
    }

    private void advanceTo(int target) {
        while (workStep < target) {
            step.apply(workStep, work);
            workStep++;
            counters.advances++;
        }
    }

    private void store(int d) {
        if (slots[d] == null) {
            slots[d] = new double[dim];
        }
        System.arraycopy(work, 0, slots[d], 0, dim);
    }

    private static void suspended(Tape t, Runnable r) {
        t.suspend();
        try {
            r.run();
        } finally {
            t.resume();
        }
    }
}
