package dev.ad4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.AD;
import dev.ad4j.Checkpointing;
import dev.ad4j.TapeBudgetExceededException;
import dev.ad4j.TapeStats;
import dev.ad4j.ValueAndGradient;
import org.junit.jupiter.api.Test;

class CheckpointingTest {
    private static final int N = 8;

    static void assertRel(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(Math.abs(expected[i]), 1e-3 * scale), "component " + i);
        }
    }

    @Test
    void checkpointed_gradient_equals_the_plain_gradient_to_1e_12() {
        double[] x = HeatSteps.point(N);
        int steps = 2000;
        ValueAndGradient plain = AD.valueAndGradient(v -> HeatSteps.plain(v, N, steps), x);
        for (int snapshots : new int[] {1, 2, 5, 30, 2000, 5000}) {
            int s = snapshots;
            ValueAndGradient ck = AD.valueAndGradient(v -> HeatSteps.checkpointed(v, N, steps, s), x);
            assertEquals(Double.doubleToRawLongBits(plain.value()), Double.doubleToRawLongBits(ck.value()));
            assertRel(plain.gradient(), ck.gradient(), 1e-12);
            Checkpointing.LoopStats st = Checkpointing.lastLoopStats();
            assertEquals(Checkpointing.optimalAdvances(steps, snapshots), st.advances(), "snapshots " + snapshots);
            assertEquals(steps, st.tapedSteps());
            assertTrue(st.snapshotsHeld() <= snapshots);
        }
    }

    @Test
    void step_executions_equal_revolves_optimum_for_every_small_schedule() {
        double[] x = HeatSteps.point(3);
        for (int steps = 1; steps <= 70; steps++) {
            for (int snapshots = 1; snapshots <= 9; snapshots++) {
                int n = steps;
                int c = snapshots;
                AD.gradient(v -> HeatSteps.checkpointed(v, 3, n, c), x);
                Checkpointing.LoopStats st = Checkpointing.lastLoopStats();
                String at = "steps=" + steps + " snapshots=" + snapshots;
                assertEquals(Checkpointing.optimalAdvances(steps, snapshots), st.advances(), at);
                assertEquals(steps, st.tapedSteps(), at);
                assertEquals(1, st.outputSteps(), at);
                assertTrue(st.snapshotsHeld() <= snapshots, at);
            }
        }
    }

    @Test
    void forward_mode_and_jacobians_through_a_checkpointed_loop_match_the_plain_loop() {
        double[] x = HeatSteps.point(N);
        int steps = 300;
        double[] xdot = new double[N + 3];
        for (int i = 0; i < xdot.length; i++) {
            xdot[i] = Math.cos(i);
        }
        dev.ad4j.VectorFunction plain = v -> {
            double[] u = HeatSteps.head(v, N);
            double[] p = HeatSteps.tail(v, N);
            for (int i = 0; i < steps; i++) {
                HeatSteps.step(u, p);
            }
            return u;
        };
        dev.ad4j.VectorFunction ck = v -> {
            double[] u = HeatSteps.head(v, N);
            double[] p = HeatSteps.tail(v, N);
            Checkpointing.iterate(steps, u, 4, (i, s) -> HeatSteps.step(s, p));
            return u;
        };
        assertRel(AD.jvp(plain, x, xdot), AD.jvp(ck, x, xdot), 1e-12);
        double[][] jp = AD.jacobian(plain, x);
        double[][] jc = AD.jacobian(ck, x);
        for (int i = 0; i < jp.length; i++) {
            assertRel(jp[i], jc[i], 1e-12);
        }
        double[] ybar = new double[N];
        ybar[2] = 1;
        ybar[5] = -0.5;
        assertRel(AD.vjp(plain, x, ybar), AD.vjp(ck, x, ybar), 1e-12);
    }

    @Test
    void outside_a_recording_iterate_is_the_plain_loop() {
        double[] x = HeatSteps.point(N);
        double[] a = HeatSteps.head(x, N);
        double[] b = a.clone();
        double[] p = HeatSteps.tail(x, N);
        for (int i = 0; i < 100; i++) {
            HeatSteps.step(a, p);
        }
        Checkpointing.iterate(100, b, 3, (i, s) -> HeatSteps.step(s, p));
        for (int j = 0; j < N; j++) {
            assertEquals(Double.doubleToRawLongBits(a[j]), Double.doubleToRawLongBits(b[j]));
        }
    }

    @Test
    void checkpointed_loop_keeps_the_tape_small_and_passes_a_budget_the_plain_loop_exceeds() {
        double[] x = HeatSteps.point(N);
        int steps = 5000;
        AD.gradient(v -> HeatSteps.plain(v, N, steps), x);
        TapeStats plain = AD.lastTapeStats();
        AD.gradient(v -> HeatSteps.checkpointed(v, N, steps, 20), x);
        TapeStats ck = AD.lastTapeStats();
        assertTrue(ck.peakBytes() * 20 < plain.peakBytes(), ck + " vs " + plain);
        long before = AD.maxTapeBytes();
        try {
            AD.setMaxTapeBytes(plain.peakBytes() / 4);
            TapeBudgetExceededException e = assertThrows(TapeBudgetExceededException.class,
                    () -> AD.gradient(v -> HeatSteps.plain(v, N, steps), x));
            assertTrue(e.getMessage().contains("budget is " + plain.peakBytes() / 4 + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("Checkpointing"), e.getMessage());
            assertEquals(plain.peakBytes() / 4, e.budgetBytes());
            assertTrue(e.reachedBytes() > 0 && e.reachedBytes() <= e.budgetBytes());
            AD.gradient(v -> HeatSteps.checkpointed(v, N, steps, 20), x); // fits
        } finally {
            AD.setMaxTapeBytes(before);
        }
    }

    @Test
    void peak_bytes_cover_the_tape_at_its_largest() {
        double[] x = HeatSteps.point(N);
        AD.gradient(v -> HeatSteps.plain(v, N, 1000), x);
        TapeStats st = AD.lastTapeStats();
        assertTrue(st.peakBytes() >= st.bytes(), st.toString());
        // 8 cells x 1000 steps x 10 statements: at least 14 bytes a statement.
        assertTrue(st.statements() >= 80_000, st.toString());
        assertTrue(st.peakBytes() >= 14L * st.statements(), st.toString());
    }

    /** s[0] *= q[0], hand-instrumented. */
    private static void scale(double[] s, double[] q) {
        dev.ad4j.internal.tape.Tape t = dev.ad4j.internal.runtime.Rt.enter();
        double a = s[0];
        int ia = dev.ad4j.internal.runtime.Rt.daload(t, s, 0, a);
        double b = q[0];
        int ib = dev.ad4j.internal.runtime.Rt.daload(t, q, 0, b);
        double r = a * b;
        dev.ad4j.internal.runtime.Rt.dastore(t, s, 0, dev.ad4j.internal.runtime.Rt.dmul(t, ia, ib, a, b, r));
        s[0] = r;
    }

    @Test
    void a_step_reading_a_value_computed_after_the_loop_is_an_error_not_a_lost_derivative() {
        double[] x = {1.5, 2.0};
        dev.ad4j.ADException e = assertThrows(dev.ad4j.ADException.class, () -> AD.gradient(v -> {
            double[] u = HeatSteps.head(v, 1);
            double[] q = HeatSteps.tail(v, 1);
            Checkpointing.iterate(5, u, 2, (i, s) -> scale(s, q));
            scale(q, u); // q[0] now holds a value computed after the loop
            return HeatSteps.loss(u);
        }, x));
        assertTrue(e.getMessage().contains("computed after it started"), e.getMessage());
    }

    /** {@code dst[0] = src[0]}, with its index (as rewritten code stores an element). */
    private static void put(double[] dst, double[] src) {
        dev.ad4j.internal.tape.Tape t = dev.ad4j.internal.runtime.Rt.enter();
        double a = src[0];
        int ia = dev.ad4j.internal.runtime.Rt.daload(t, src, 0, a);
        dev.ad4j.internal.runtime.Rt.dastore(t, dst, 0, ia);
        dst[0] = a;
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

    /** A step that keeps the previous state in a captured array and reads it in the next step. */
    private static double[] carried(double[] v, boolean checkpointed) {
        double[] u = HeatSteps.head(v, 1);
        double[] prev = HeatSteps.tail(v, 1); // active before the loop; the steps overwrite it
        double[] old = new double[1];
        Checkpointing.Step st = (i, s) -> {
            put(old, s);
            scale(s, prev); // reads what the previous step left in prev
            put(prev, old);
        };
        loop(4, u, checkpointed, st);
        return u;
    }

    @Test
    void a_step_reading_what_an_earlier_step_left_in_a_captured_array_is_an_error_not_a_wrong_derivative() {
        double[] x = {1.5, 2.0};
        AD.gradient(v -> HeatSteps.loss(carried(v, false)), x); // the plain loop is fine
        dev.ad4j.ADException e = assertThrows(dev.ad4j.ADException.class,
                () -> AD.gradient(v -> HeatSteps.loss(carried(v, true)), x));
        assertTrue(e.getMessage().contains("computed after it started"), e.getMessage());
        assertTrue(e.getMessage().contains("earlier step"), e.getMessage());
        // Forward mode tapes the steps again too.
        dev.ad4j.ADException f = assertThrows(dev.ad4j.ADException.class,
                () -> AD.jvp(v -> carried(v, true), x, new double[] {1, 0}));
        assertTrue(f.getMessage().contains("computed after it started"), f.getMessage());
    }

    /** A step that uses a captured scratch array, active before the loop, writing it before reading it. */
    private static double scratched(double[] v, boolean checkpointed) {
        double[] u = HeatSteps.head(v, 1);
        double[] q = HeatSteps.tail(v, 1);
        double[] scratch = HeatSteps.tail(v, 1);
        Checkpointing.Step st = (i, s) -> {
            put(scratch, s);
            scale(scratch, q);
            scale(s, scratch);
        };
        loop(5, u, checkpointed, st);
        return HeatSteps.loss(u);
    }

    @Test
    void a_captured_scratch_array_written_before_it_is_read_in_each_step_is_fine() {
        double[] x = {1.1, 0.9};
        assertRel(AD.gradient(v -> scratched(v, false), x), AD.gradient(v -> scratched(v, true), x), 1e-12);
    }

    @Test
    void traces_of_a_recording_with_a_checkpointed_loop_render() {
        double[] x = HeatSteps.point(3);
        dev.ad4j.Recording r = AD.record(v -> HeatSteps.checkpointed(v, 3, 50, 3), x);
        assertRel(AD.gradient(v -> HeatSteps.plain(v, 3, 50), x), r.gradient(), 1e-12);
        assertTrue(r.primalTrace().contains("external"), r.primalTrace());
        assertTrue(!r.adjointTrace().isEmpty());
        assertTrue(r.dot().contains("digraph"));
    }
}
