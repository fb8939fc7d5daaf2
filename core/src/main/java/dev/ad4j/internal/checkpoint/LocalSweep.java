package dev.ad4j.internal.checkpoint;

import dev.ad4j.ADException;
import dev.ad4j.internal.tape.Tape;
import java.util.Arrays;

/**
 * Tapes one call (a time step, a recompute region) at the end of the thread's tape, sweeps
 * that piece alone, then drops it.
 *
 * <p>The call's input array gets fresh input statements; everything else it reads keeps the
 * index it has on the enclosing tape (a captured parameter array, for instance). The local
 * sweep therefore has two kinds of targets: positions above the mark live in a local buffer,
 * positions below it are the enclosing sweep's own adjoints (tangents) and are updated in
 * place. Those must lie below {@code limit}, the first output of the external group being
 * swept, which the enclosing sweep has not reached yet; a read of anything recorded later
 * would lose its derivative, so it is an error.
 */
final class LocalSweep {

    /** The call to tape: runs on {@code in} and returns the positions (0 = passive) of its outputs. */
    interface Body {
        int[] run(Tape t, double[] in);
    }

    private double[] buffer = new double[256];

    /**
     * Tapes {@code body} on {@code in} and returns the adjoints of {@code in} ({@code in.length * lanes},
     * interleaved) given the adjoints {@code seeds} of the outputs; adjoints of enclosing values
     * are added to {@code adj}.
     */
    double[] reverse(Tape t, double[] in, Body body, double[] seeds, double[] adj, int lanes, int limit) {
        int mark = t.openLocal();
        try {
            int[] outs = run(t, in, body);
            int top = t.size();
            double[] loc = clearedBuffer((top - mark + 1) * lanes);
            for (int i = 0; i < outs.length; i++) {
                int p = outs[i];
                for (int l = 0; l < lanes && p != 0; l++) {
                    double a = seeds[i * lanes + l];
                    if (a != 0) {
                        if (p > mark) {
                            loc[(p - mark) * lanes + l] += a;
                        } else {
                            adj[outer(p, limit) * lanes + l] += a;
                        }
                    }
                }
            }
            int[] end = t.ends();
            int[] argPos = t.argPositions();
            double[] partial = t.partials();
            for (int s = top; s > mark; s--) {
                int so = (s - mark) * lanes;
                int e = end[s];
                for (int l = 0; l < lanes; l++) {
                    double a = loc[so + l];
                    if (a == 0) {
                        continue;
                    }
                    for (int k = end[s - 1]; k < e; k++) {
                        int q = argPos[k];
                        if (q > mark) {
                            loc[(q - mark) * lanes + l] += partial[k] * a;
                        } else {
                            adj[outer(q, limit) * lanes + l] += partial[k] * a;
                        }
                    }
                }
            }
            // Input i was recorded at position mark + 1 + i.
            return Arrays.copyOfRange(loc, lanes, (in.length + 1) * lanes);
        } finally {
            t.closeLocal(mark);
        }
    }

    /**
     * Tapes {@code body} on {@code in} and returns the tangents of its outputs given the
     * tangents {@code tanIn} of {@code in}; tangents of enclosing values are read from {@code tan}.
     */
    double[] forward(Tape t, double[] in, Body body, double[] tanIn, double[] tan, int lanes, int limit) {
        int mark = t.openLocal();
        try {
            int[] outs = run(t, in, body);
            int top = t.size();
            double[] loc = clearedBuffer((top - mark + 1) * lanes);
            System.arraycopy(tanIn, 0, loc, lanes, in.length * lanes);
            int[] end = t.ends();
            int[] argPos = t.argPositions();
            double[] partial = t.partials();
            for (int s = mark + in.length + 1; s <= top; s++) {
                int b = end[s - 1];
                int e = end[s];
                int so = (s - mark) * lanes;
                for (int l = 0; l < lanes; l++) {
                    double d = 0;
                    for (int k = b; k < e; k++) {
                        int q = argPos[k];
                        double td = q > mark ? loc[(q - mark) * lanes + l] : tan[outer(q, limit) * lanes + l];
                        if (td != 0) {
                            d += partial[k] * td;
                        }
                    }
                    loc[so + l] = d;
                }
            }
            double[] out = new double[outs.length * lanes];
            for (int i = 0; i < outs.length; i++) {
                int p = outs[i];
                for (int l = 0; l < lanes && p != 0; l++) {
                    out[i * lanes + l] = p > mark ? loc[(p - mark) * lanes + l] : tan[outer(p, limit) * lanes + l];
                }
            }
            return out;
        } finally {
            t.closeLocal(mark);
        }
    }

    /** Records the inputs (positions mark+1 ..), gives {@code in} their shadow and runs the body. */
    private static int[] run(Tape t, double[] in, Body body) {
        int[] shadow = new int[in.length];
        t.inputs(in, shadow);
        t.setShadow(in, shadow);
        t.clearRegisters();
        return body.run(t, in);
    }

    /** Positions of the values of {@code a} on the tape (0 where passive). */
    static int[] positions(Tape t, double[] a) {
        if (a == null) {
            throw new ADException("a checkpointed function returned null");
        }
        int[] s = t.shadow(a);
        t.disownElements(); // the positions are held from here on
        int[] p = new int[a.length];
        for (int i = 0; s != null && i < a.length; i++) {
            p[i] = t.position(t.check(s[i], a[i]));
        }
        return p;
    }

    private static int outer(int q, int limit) {
        if (q >= limit) {
            throw new ADException("a checkpointed step or recompute region read a value computed after it"
                    + " started (tape position " + q + "); its derivative would be lost. Checkpointed code must"
                    + " only read its state and values that existed before the checkpointed call.");
        }
        return q;
    }

    private double[] clearedBuffer(int length) {
        if (buffer.length < length) {
            buffer = new double[Math.max(length, 2 * buffer.length)];
        } else {
            Arrays.fill(buffer, 0, length, 0);
        }
        return buffer;
    }
}
