package com.example.ckpt;

import dev.ad4j.Checkpointing;
import dev.ad4j.VectorFunction;

/**
 * Functions that return one element of a checkpointed loop's final state (or of a recompute
 * region's result) as it is: {@code return s[0]}, an output recorded before the state's other
 * elements, so that the sweep starts below the end of the external group.
 */
public final class StateElements {
    private StateElements() {
    }

    /** {@code s0 <- s0 * s1} three times: {@code x0 * x1^3}, the first of three state elements. */
    public static double firstOfLoop(double[] x) {
        double[] s = x.clone();
        Checkpointing.iterate(3, s, 2, (i, st) -> st[0] *= st[1]);
        return s[0];
    }

    /** {@link #firstOfLoop} as a vector function of one output. */
    public static double[] firstOfLoopAsVector(double[] x) {
        double[] s = x.clone();
        Checkpointing.iterate(3, s, 2, (i, st) -> st[0] *= st[1]);
        return new double[] {s[0]};
    }

    /** {@code x0 * x1}, the first output of a recompute region with two. */
    public static double firstOfRegion(double[] x) {
        VectorFunction products = v -> new double[] {v[0] * v[1], v[1] * v[2]};
        return Checkpointing.recompute(products, x)[0];
    }

    /** Any larger recording, which leaves a longer adjoint array behind on this thread. */
    public static double larger(double[] x) {
        double r = 0;
        for (int i = 0; i < 200; i++) {
            r += Math.sin(x[i % x.length] * i);
        }
        return r;
    }

    /** {@code s0 <- s0 s1, s1 <- s1 + 0.5} three times, then {@code s0 + s1}: gradient (15, 28.75) at (1.5, 2). */
    public static double productLoop(double[] x) {
        double[] s = {x[0], x[1]};
        Checkpointing.iterate(3, s, 2, (i, u) -> {
            u[0] = u[0] * u[1];
            u[1] += 0.5;
        });
        return s[0] + s[1];
    }
}
