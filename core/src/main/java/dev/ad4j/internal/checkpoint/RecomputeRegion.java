package dev.ad4j.internal.checkpoint;

import dev.ad4j.ScalarFunction;
import dev.ad4j.VectorFunction;
import dev.ad4j.internal.tape.Tape;

/**
 * A function whose internals are not kept on the tape (JAX's {@code checkpoint}): the forward
 * pass runs it with recording suspended and records only its outputs; the sweeps tape it again
 * on a copy of its input when they reach those outputs.
 */
public final class RecomputeRegion implements Tape.External {
    private final LocalSweep.Body body;
    private final LocalSweep local = new LocalSweep();
    private final double[] x0;
    private final int[] inPos;
    private int first;
    private int outputs;

    private RecomputeRegion(LocalSweep.Body body, Tape t, double[] x) {
        this.body = body;
        this.x0 = x.clone();
        this.inPos = LocalSweep.positions(t, x);
    }

    /** Runs {@code f} on {@code x} and records it as a region; the result's shadow names the outputs. */
    public static double[] vector(Tape t, VectorFunction f, double[] x) {
        RecomputeRegion region = new RecomputeRegion((tt, in) -> LocalSweep.positions(tt, f.apply(in)), t, x);
        double[] y;
        t.suspend();
        try {
            y = f.apply(x);
        } finally {
            t.resume();
        }
        if (y == null) {
            throw new dev.ad4j.ADException(f.getClass().getName() + " returned null");
        }
        int firstIdx = region.open(t, y);
        int[] shadow = t.shadowForWrite(y);
        for (int i = 0; i < y.length; i++) {
            shadow[i] = firstIdx + i;
        }
        return y;
    }

    /** Runs {@code f} on {@code x} and records it as a region; returns the output's index (set in the return register too). */
    public static double scalar(Tape t, ScalarFunction f, double[] x) {
        RecomputeRegion region = new RecomputeRegion((tt, in) -> {
            double y = f.apply(in);
            return new int[] {tt.position(tt.result(y))};
        }, t, x);
        double y;
        t.suspend();
        try {
            y = f.apply(x);
        } finally {
            t.resume();
        }
        int idx = region.open(t, new double[] {y});
        t.clearRegisters();
        t.ret(idx, y);
        return y;
    }

    private int open(Tape t, double[] y) {
        outputs = y.length;
        int firstIdx = t.external(this, y);
        first = t.position(firstIdx);
        return firstIdx;
    }

    @Override
    public void reverse(Tape t, double[] adj, int lanes) {
        double[] seeds = new double[outputs * lanes];
        boolean any = false;
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = adj[first * lanes + i];
            any |= seeds[i] != 0;
        }
        if (!any) {
            return;
        }
        double[] in = local.reverse(t, x0.clone(), body, seeds, adj, lanes, first);
        for (int i = 0; i < inPos.length; i++) {
            int p = inPos[i];
            for (int l = 0; l < lanes && p != 0; l++) {
                adj[p * lanes + l] += in[i * lanes + l];
            }
        }
    }

    @Override
    public void forward(Tape t, double[] tan, int lanes) {
        double[] tanIn = new double[inPos.length * lanes];
        for (int i = 0; i < inPos.length; i++) {
            int p = inPos[i];
            for (int l = 0; l < lanes && p != 0; l++) {
                tanIn[i * lanes + l] = tan[p * lanes + l];
            }
        }
        double[] out = local.forward(t, x0.clone(), body, tanIn, tan, lanes, first);
        System.arraycopy(out, 0, tan, first * lanes, outputs * lanes);
    }
}
