package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.ckpt.ReactionDiffusion;
import com.example.ckpt.SideArrays;
import com.example.ckpt.StateElements;
import dev.ad4j.AD;
import dev.ad4j.ADException;
import dev.ad4j.Checkpointing;
import dev.ad4j.TapeStats;
import dev.ad4j.ValueAndGradient;
import org.junit.jupiter.api.Test;

/**
 * Checkpointing on code rewritten by the agent (this JVM runs with
 * {@code -javaagent:ad4j-agent.jar=includes=com.example.*,strict=true}): the step is a lambda
 * of an instrumented class that captures a parameter array.
 */
class CheckpointGradientIT {
    private static final int CELLS = 32;

    private static void assertRel(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.abs(expected[i]), "component " + i);
            assertTrue(expected[i] != 0, "component " + i + " is zero");
        }
    }

    @Test
    void checkpointed_gradients_equal_plain_gradients_to_1e_12() {
        double[] x = ReactionDiffusion.point(CELLS);
        int steps = 2000;
        ValueAndGradient plain = AD.valueAndGradient(v -> ReactionDiffusion.plain(v, steps), x);
        TapeStats plainTape = AD.lastTapeStats();
        for (int snapshots : new int[] {2, 10, 50, 2000}) {
            ValueAndGradient ck = AD.valueAndGradient(v -> ReactionDiffusion.checkpointed(v, steps, snapshots), x);
            assertEquals(plain.value(), ck.value(), 0, "primal is bit-identical");
            assertRel(plain.gradient(), ck.gradient(), 1e-12);
            assertTrue(AD.lastTapeStats().peakBytes() < plainTape.peakBytes() / 100,
                    AD.lastTapeStats() + " vs " + plainTape);
        }
    }

    @Test
    void step_re_executions_equal_revolves_optimum() {
        double[] x = ReactionDiffusion.point(4);
        int[][] cases = {{1, 1}, {2, 1}, {10, 1}, {10, 2}, {100, 3}, {1000, 4}, {1000, 10}, {5000, 7}, {777, 1000}};
        for (int[] c : cases) {
            AD.gradient(v -> ReactionDiffusion.checkpointed(v, c[0], c[1]), x);
            Checkpointing.LoopStats st = Checkpointing.lastLoopStats();
            String at = "steps=" + c[0] + ", snapshots=" + c[1];
            assertEquals(Checkpointing.optimalAdvances(c[0], c[1]), st.advances(), at);
            assertEquals(c[0], st.tapedSteps(), at);
            assertTrue(st.snapshotsHeld() <= c[1], at);
        }
    }

    @Test
    void forward_mode_through_a_checkpointed_loop_matches_the_plain_loop() {
        double[] x = ReactionDiffusion.point(8);
        double[] xdot = new double[x.length];
        for (int i = 0; i < xdot.length; i++) {
            xdot[i] = 1 + i % 3;
        }
        double[] plain = AD.jvp(v -> ReactionDiffusion.plainBlocks(v, 500), x, xdot);
        double[] ck = AD.jvp(v -> ReactionDiffusion.checkpointedState(v, 500, 6), x, xdot);
        assertRel(plain, ck, 1e-12);
    }

    @Test
    void recompute_regions_give_the_plain_vector_jacobian_product() {
        double[] x = ReactionDiffusion.point(CELLS);
        double[] ybar = new double[CELLS];
        for (int j = 0; j < CELLS; j++) {
            ybar[j] = Math.cos(j);
        }
        double[] plain = AD.vjp(v -> ReactionDiffusion.plainBlocks(v, 1000), x, ybar);
        TapeStats plainTape = AD.lastTapeStats();
        double[] regions = AD.vjp(v -> ReactionDiffusion.recomputedBlocks(v, 1000), x, ybar);
        TapeStats regionTape = AD.lastTapeStats();
        assertRel(plain, regions, 1e-12);
        assertTrue(regionTape.peakBytes() < plainTape.peakBytes() / 5, regionTape + " vs " + plainTape);
    }

    @Test
    void returning_one_element_of_a_loops_state_gives_its_gradient_cold_and_after_a_larger_recording() {
        double[] x = {0.7, -1.3, 0.45};
        double[] expected = {x[1] * x[1] * x[1], 3 * x[0] * x[1] * x[1], 0};
        assertArrayEquals(expected, AD.gradient(StateElements::firstOfLoop, x), 1e-12);
        AD.gradient(StateElements::larger, x); // its adjoints are left in the reused array
        assertArrayEquals(expected, AD.gradient(StateElements::firstOfLoop, x), 1e-12);
        assertArrayEquals(expected, AD.vjp(StateElements::firstOfLoopAsVector, x, new double[] {1}), 1e-12);
        assertArrayEquals(expected, AD.jacobian(StateElements::firstOfLoopAsVector, x)[0], 1e-12);
        double[] xdot = {1, 2, 3};
        assertEquals(expected[0] + 2 * expected[1], AD.jvp(StateElements::firstOfLoopAsVector, x, xdot)[0], 1e-12);
    }

    @Test
    void returning_one_output_of_a_recompute_region_gives_its_gradient() {
        double[] x = {0.7, -1.3, 0.45};
        AD.gradient(StateElements::larger, x);
        assertArrayEquals(new double[] {x[1], x[0], 0}, AD.gradient(StateElements::firstOfRegion, x), 1e-12);
    }

    @Test
    void the_adjoint_trace_shows_what_a_checkpointed_loop_adds_and_ends_at_the_gradient() {
        double[] x = {1.5, 2};
        dev.ad4j.Recording r = AD.record(StateElements::productLoop, x);
        assertArrayEquals(new double[] {15, 28.75}, r.gradient(), 1e-12);
        String adjoint = r.adjointTrace();
        assertTrue(adjoint.contains("v\u0304-1 = (sweep of v1..v2) = 15.000\n"), adjoint);
        assertTrue(adjoint.contains("x\u03041 = v\u0304-1 = 15.000\n"), adjoint);
        assertTrue(adjoint.contains("x\u03042 = v\u03040 = 28.750\n"), adjoint);
        assertTrue(r.dot().contains("adjoint 28.750"), r.dot());
    }

    @Test
    void a_step_reading_what_the_previous_step_left_in_a_captured_array_throws_instead_of_a_wrong_gradient() {
        double[] x = {1.0, 3.0};
        assertArrayEquals(new double[] {0.6875, 0.3125}, AD.gradient(v -> SideArrays.carried(v, false), x), 1e-15);
        ADException e = assertThrows(ADException.class, () -> AD.gradient(v -> SideArrays.carried(v, true), x));
        assertTrue(e.getMessage().contains("computed after it started"), e.getMessage());
        assertTrue(e.getMessage().contains("earlier step"), e.getMessage());
    }

    @Test
    void a_captured_scratch_array_written_before_it_is_read_in_each_step_is_no_error() {
        double[] x = {0.7, 0.2};
        assertRel(AD.gradient(v -> SideArrays.scratch(v, false), x), AD.gradient(v -> SideArrays.scratch(v, true), x),
                1e-12);
    }
}
