package com.example.ckpt;

import dev.ad4j.Checkpointing;

/**
 * Steps that use arrays besides their state: one that carries a value from one step to the
 * next in a captured array (which breaks the checkpointing contract), and one that uses a
 * captured scratch array it writes before it reads (which does not).
 */
public final class SideArrays {
    private SideArrays() {
    }

    /** {@code steps} steps of {@code st} on {@code state}, through {@link Checkpointing#iterate} or as a plain loop. */
    private static void loop(int steps, double[] state, boolean checkpointed, Checkpointing.Step st) {
        if (checkpointed) {
            Checkpointing.iterate(steps, state, 2, st);
        } else {
            for (int i = 0; i < steps; i++) {
                st.apply(i, state);
            }
        }
    }

    /**
     * {@code u <- (u + prev) / 2, prev <- old u}, four times, from {@code u = x0, prev = x1}:
     * the step keeps the previous state in a captured array and reads it in the next step.
     */
    public static double carried(double[] x, boolean checkpointed) {
        double[] s = {x[0]};
        double[] prev = {x[1]};
        Checkpointing.Step st = (i, u) -> {
            double old = u[0];
            u[0] = 0.5 * u[0] + 0.5 * prev[0];
            prev[0] = old;
        };
        loop(4, s, checkpointed, st);
        return s[0];
    }

    /** {@code u <- u * (u + p)}, five times, through a captured scratch array written in each step before it is read. */
    public static double scratch(double[] x, boolean checkpointed) {
        double[] s = {x[0]};
        double[] p = {x[1]};
        double[] tmp = {x[1]}; // active before the loop
        Checkpointing.Step st = (i, u) -> {
            tmp[0] = u[0] + p[0];
            u[0] = u[0] * tmp[0];
        };
        loop(5, s, checkpointed, st);
        return s[0];
    }
}
