package dev.ad4j.internal.sweep;

import dev.ad4j.internal.tape.Tape;

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
        // The adjoint of the statement below the current one stays in a register: a chain of
        // statements each using the one before (an iterated map, a recurrence) then waits for a
        // multiply-add per step, not for a store and the load of the same element after it.
        double a = adj[from];
        for (int s = from; s > 0; s--) {
            int e = end[s];
            if (e == 0) {
                break; // statements 1..s have no arguments (the inputs): nothing left to propagate
            }
            int below = s - 1;
            double next = adj[below];
            int k = end[below];
            if (a != 0 && k < e) {
                // The first argument outside the loop: most statements of scalar code have one or
                // two, and the loop's setup cost more than its body for a single iteration.
                next = propagate(adj, argPos[k], partial[k] * a, below, next);
                for (k++; k < e; k++) {
                    next = propagate(adj, argPos[k], partial[k] * a, below, next);
                }
            }
            adj[below] = next;
            a = next;
        }
    }

    /**
     * Adds {@code d} to the adjoint of position {@code p}: to {@code next}, the register holding
     * the adjoint of the statement below the current one, when {@code p} is that statement.
     */
    private static double propagate(double[] adj, int p, double d, int below, double next) {
        if (p == below) {
            return next + d;
        }
        adj[p] += d;
        return next;
    }

    /**
     * Vector reverse sweep with {@code lanes} adjoints per statement, interleaved:
     * {@code adj[s * lanes + l]}. One pass over the tape serves all lanes.
     */
    public static void reverse(int[] end, int[] argPos, double[] partial, double[] adj, int from, int lanes) {
        for (int s = from; s > 0 && end[s] != 0; s--) { // end[s] == 0: 1..s have no arguments
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

    // ------------------------------------------------------------------ second order

    /**
     * Second-order reverse sweep (forward-over-reverse on a second-order tape, see
     * {@code Tape.beginSecondOrder}). With the adjoints {@code adj} (one lane, complete, from a
     * reverse sweep seeded at the output) and the tangents {@code tan} ({@code lanes} per
     * statement, interleaved, from a forward sweep along the directions), it accumulates the
     * second-order adjoints {@code sadj} (interleaved like {@code tan}, zero on entry):
     * for each statement {@code s} and argument {@code j},
     * {@code sadj[j] += p_sj sadj[s] + adj[s] Σ_k h_s,jk tan[k]}. On return
     * {@code sadj} at the input positions holds {@code H v} for each lane's direction {@code v}.
     * Zero second-order adjoints, adjoints and tangents are skipped, as in the other sweeps.
     */
    public static void secondOrderReverse(Tape t, double[] adj, double[] tan, double[] sadj, int from, int lanes) {
        if (t.externalCount() != 0) {
            throw new IllegalStateException("second-order sweeps do not run through external groups");
        }
        int[] end = t.ends();
        int[] argPos = t.argPositions();
        double[] partial = t.partials();
        int[] hs = t.secondStatements();
        int[] ha = t.secondFirst();
        int[] hb = t.secondOther();
        double[] hv = t.secondValues();
        int h = t.secondCount() - 1;
        for (int s = from; s > 0; s--) {
            int so = s * lanes;
            int b = end[s - 1];
            int e = end[s];
            for (int l = 0; l < lanes; l++) {
                double d = sadj[so + l];
                if (d == 0) {
                    continue;
                }
                for (int k = b; k < e; k++) {
                    sadj[argPos[k] * lanes + l] += partial[k] * d;
                }
            }
            while (h >= 0 && hs[h] > s) {
                h--;
            }
            double a = adj[s];
            for (; h >= 0 && hs[h] == s; h--) {
                if (a == 0) {
                    continue;
                }
                double w = hv[h] * a;
                int pa = ha[h] * lanes;
                if (hb[h] == 0) {
                    for (int l = 0; l < lanes; l++) {
                        double ta = tan[pa + l];
                        if (ta != 0) {
                            sadj[pa + l] += w * ta;
                        }
                    }
                } else {
                    int pb = hb[h] * lanes;
                    for (int l = 0; l < lanes; l++) {
                        double tb = tan[pb + l];
                        if (tb != 0) {
                            sadj[pa + l] += w * tb;
                        }
                        double ta = tan[pa + l];
                        if (ta != 0) {
                            sadj[pb + l] += w * ta;
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ tapes with external groups

    /**
     * Reverse sweep over the thread's tape, {@code lanes} adjoints per statement: like
     * {@link #reverse(int[], int[], double[], double[], int, int)}, but when it reaches the
     * outputs of an external group (a checkpointed loop, a recompute region) it calls the
     * group, which adds their adjoints to its inputs. The tape arrays are re-read after each
     * call because a group records (and then drops) statements at the end of the tape.
     */
    public static void reverse(Tape t, double[] adj, int from, int lanes) {
        int s = from;
        for (int k = t.externalCount() - 1; k >= 0 && s > 0; k--) {
            int first = t.externalFirst(k);
            if (first > s) {
                continue;
            }
            // Statements above the group, then the group's own outputs carry no arguments.
            sweepDown(t, adj, s, first - 1, lanes);
            t.externalAt(k).reverse(t, adj, lanes);
            s = first - 1;
        }
        sweepDown(t, adj, s, 0, lanes);
    }

    /** {@link #reverse(Tape, double[], int, int)} with one lane. */
    public static void reverse(Tape t, double[] adj, int from) {
        reverse(t, adj, from, 1);
    }

    /**
     * Forward sweep over the thread's tape, {@code lanes} tangents per statement; external
     * groups set the tangents of their outputs.
     */
    public static void forward(Tape t, double[] tan, int to, int lanes) {
        int s = 1;
        for (int k = 0; k < t.externalCount(); k++) {
            int first = t.externalFirst(k);
            if (first > to) {
                break;
            }
            sweepUp(t, tan, s, first - 1, lanes);
            t.externalAt(k).forward(t, tan, lanes);
            s = first; // the outputs carry no arguments: the plain loop leaves them alone
        }
        sweepUp(t, tan, s, to, lanes);
    }

    /** {@link #forward(Tape, double[], int, int)} with one lane. */
    public static void forward(Tape t, double[] tan, int to) {
        forward(t, tan, to, 1);
    }

    /** Statements {@code from} down to {@code downTo + 1}. */
    private static void sweepDown(Tape t, double[] adj, int from, int downTo, int lanes) {
        if (t.externalCount() == 0 && downTo == 0) {
            if (lanes == 1) {
                reverse(t.ends(), t.argPositions(), t.partials(), adj, from);
            } else {
                reverse(t.ends(), t.argPositions(), t.partials(), adj, from, lanes);
            }
            return;
        }
        int[] end = t.ends();
        int[] argPos = t.argPositions();
        double[] partial = t.partials();
        for (int s = from; s > downTo; s--) {
            int so = s * lanes;
            int e = end[s];
            for (int l = 0; l < lanes; l++) {
                double a = adj[so + l];
                if (a == 0) {
                    continue;
                }
                for (int k = end[s - 1]; k < e; k++) {
                    adj[argPos[k] * lanes + l] += partial[k] * a;
                }
            }
        }
    }

    /** Statements {@code from} up to {@code to}. */
    private static void sweepUp(Tape t, double[] tan, int from, int to, int lanes) {
        int[] end = t.ends();
        int[] argPos = t.argPositions();
        double[] partial = t.partials();
        for (int s = from; s <= to; s++) {
            int b = end[s - 1];
            int e = end[s];
            if (b == e) {
                continue;
            }
            int so = s * lanes;
            for (int l = 0; l < lanes; l++) {
                double d = 0;
                for (int k = b; k < e; k++) {
                    double td = tan[argPos[k] * lanes + l];
                    if (td != 0) {
                        d += partial[k] * td;
                    }
                }
                tan[so + l] = d;
            }
        }
    }
}
