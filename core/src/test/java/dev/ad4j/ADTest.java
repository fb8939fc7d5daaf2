package dev.ad4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ADTest {

    static void assertRel(double expected, double actual, double rel) {
        double tol = rel * Math.max(1, Math.abs(expected));
        assertEquals(expected, actual, tol);
    }

    static double[] centralDifferences(ScalarFunction f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += h;
            m[i] -= h;
            g[i] = (f.apply(p) - f.apply(m)) / (2 * h);
        }
        return g;
    }

    @Test
    void survey_example_gradient_matches_closed_form() {
        ValueAndGradient vg = AD.valueAndGradient(Targets::survey, new double[] {2, 5});
        assertEquals(Math.log(2) + 10 - Math.sin(5), vg.value(), 0);
        assertRel(1 / 2.0 + 5, vg.gradient()[0], 1e-12);
        assertRel(2 - Math.cos(5), vg.gradient()[1], 1e-12);
    }

    @Test
    void successive_gradients_on_one_thread_share_no_adjoints() {
        // The sweep's adjoint array is reused from one gradient to the next (Tape.adjoints).
        double[] x = {1.3, -0.7, 2.1, 0.4, -1.2};
        double[] g1 = AD.gradient(Targets::rosenbrock, x);
        double[] kept = g1.clone();
        double[] small = AD.gradient(Targets::rosenbrock, new double[] {0.5, 0.25});
        assertRel(-400 * 0.5 * (0.25 - 0.25) - 2 * (1 - 0.5), small[0], 1e-12);
        assertRel(200 * (0.25 - 0.25), small[1], 1e-12);
        double[] v = {0.7, -1.1, 0.4};
        double[] w = AD.vjp(Targets::vector, v, new double[] {1, 0, 0, 0});
        assertArrayEquals(AD.jacobian(Targets::vector, v)[0], w, 0);
        assertArrayEquals(kept, g1, 0, "a returned gradient is the caller's own");
        assertArrayEquals(g1, AD.gradient(Targets::rosenbrock, x), 0);
    }

    private static double[] keptInputs;

    /** x0 x1 + k0 x0, where k is the input array of the previous call (constant here). */
    private static double keepsItsInputs(double[] x) {
        Tape t = Rt.enter();
        double[] k = keptInputs == null ? x : keptInputs;
        keptInputs = x;
        double x0 = x[0];
        int i0 = Rt.daload(t, x, 0, x0);
        double x1 = x[1];
        int i1 = Rt.daload(t, x, 1, x1);
        double k0 = k[0];
        int ik = Rt.daload(t, k, 0, k0);
        double p = x0 * x1;
        int ip = Rt.dmul(t, i0, i1, x0, x1, p);
        double q = k0 * x0;
        int iq = Rt.dmul(t, ik, i0, k0, x0, q);
        double y = p + q;
        int iy = Rt.dadd(t, ip, iq, p, q, y);
        Rt.ret(t, iy, y);
        return y;
    }

    @Test
    void an_input_array_kept_past_its_recording_is_passive_in_the_next() {
        // The indices of the inputs are one array from one recording to the next (Tape.inputIndices):
        // the previous recording's copy of x, which had them as its shadow, must not share them.
        keptInputs = null;
        double[] g1 = AD.gradient(ADTest::keepsItsInputs, new double[] {3, 5});
        assertArrayEquals(new double[] {5 + 2 * 3, 3}, g1, 0, "k is x itself: x0 x1 + x0^2");
        double[] g2 = AD.gradient(ADTest::keepsItsInputs, new double[] {2, 7});
        assertArrayEquals(new double[] {7 + 3, 2}, g2, 0, "k is the previous copy of x: a constant 3");
        double[] g3 = AD.gradient(ADTest::keepsItsInputs, new double[] {2, 7, 1});
        assertArrayEquals(new double[] {7 + 2, 2, 0}, g3, 0, "three inputs: a new index array");
    }

    @Test
    void value_is_bit_identical_to_plain_evaluation() {
        double[] x = {1.3, -0.7, 2.1, 0.4};
        assertEquals(Double.doubleToRawLongBits(Targets.rosenbrock(x)),
                Double.doubleToRawLongBits(AD.valueAndGradient(Targets::rosenbrock, x).value()));
    }

    @Test
    void rosenbrock_gradient_through_calls_matches_closed_form_and_finite_differences() {
        double[] x = {1.3, -0.7, 2.1, 0.4, -1.2};
        double[] g = AD.gradient(Targets::rosenbrock, x);
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length - 1; i++) {
            double d = x[i + 1] - x[i] * x[i];
            expected[i] += -400 * x[i] * d - 2 * (1 - x[i]);
            expected[i + 1] += 200 * d;
        }
        double[] fd = centralDifferences(Targets::rosenbrock, x);
        for (int i = 0; i < x.length; i++) {
            assertRel(expected[i], g[i], 1e-12);
            assertRel(fd[i], g[i], 1e-6);
        }
    }

    @Test
    void input_array_is_not_modified_and_gradient_is_repeatable() {
        double[] x = {2, 5};
        double[] g1 = AD.gradient(Targets::survey, x);
        double[] g2 = AD.gradient(Targets::survey, x);
        assertArrayEquals(new double[] {2, 5}, x);
        assertArrayEquals(g1, g2, 0);
    }

    @Test
    void derivative_of_unary_operator_receives_index_through_registers() {
        double d = AD.derivative(Targets::xExp, 1.0);
        assertRel(2 * Math.E, d, 1e-12);
    }

    @Test
    void uninstrumented_function_is_reported_with_its_class_and_includes_hint() {
        ScalarFunction plain = x -> x[0] * x[1];
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> AD.gradient(plain, new double[] {1, 2}));
        assertEquals(ADTest.class.getName(), e.className());
        assertTrue(e.getMessage().contains("includes="), e.getMessage());
        assertTrue(e.getMessage().contains(ADTest.class.getName()), e.getMessage());
        assertFalse(e.getMessage().contains("$$Lambda"), e.getMessage());
        assertFalse(Tape.forCurrentThread().isRecording(), "recording must end on errors");
    }

    @Test
    void constant_output_is_reported_rather_than_zero_gradient() {
        InactiveOutputException e = assertThrows(InactiveOutputException.class,
                () -> AD.gradient(Targets::constant, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("does not depend on the input"), e.getMessage());
    }

    @Test
    void exceeding_the_budget_throws_a_clear_exception_and_not_out_of_memory() {
        long saved = AD.maxTapeBytes();
        try {
            AD.setMaxTape("200k");
            assertEquals(200 * 1024, AD.maxTapeBytes());
            double[] x = new double[100];
            java.util.Arrays.fill(x, 0.5);
            TapeBudgetExceededException e = assertThrows(TapeBudgetExceededException.class,
                    () -> AD.gradient(v -> Targets.longSum(v, 1000), x));
            assertEquals(200 * 1024, e.budgetBytes());
            assertTrue(e.getMessage().contains("204800 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("dev.ad4j.Checkpointing"), e.getMessage());
            assertTrue(e.reachedBytes() <= 200 * 1024, e.getMessage());
            // A smaller problem still fits under the same budget.
            assertRel(2 * 0.5 * 10, AD.gradient(v -> Targets.longSum(v, 10), x)[0], 1e-12);
        } finally {
            AD.setMaxTapeBytes(saved);
        }
    }

    @Test
    void size_suffixes_are_parsed() {
        assertEquals(512L << 20, AD.parseBytes("512m"));
        assertEquals(2L << 30, AD.parseBytes("2G"));
        assertEquals(64L << 10, AD.parseBytes("64k"));
        assertEquals(1000, AD.parseBytes("1000"));
        assertThrows(IllegalArgumentException.class, () -> AD.parseBytes("12x"));
        assertThrows(IllegalArgumentException.class, () -> AD.parseBytes("-1m"));
    }

    @Test
    void nested_recording_is_rejected_with_a_message() {
        ScalarFunction outer = x -> {
            Rt.enter();
            return AD.gradient(Targets::survey, x)[0];
        };
        NestedRecordingException e = assertThrows(NestedRecordingException.class,
                () -> AD.gradient(outer, new double[] {2, 5}));
        assertTrue(e.getMessage().contains("nested recordings"), e.getMessage());
        assertFalse(Tape.forCurrentThread().isRecording());
    }

    @Test
    void vjp_jvp_and_jacobian_match_closed_forms() {
        double[] x = {2, 3, 5};
        double[][] expected = {
            {3, 2, 0},
            {Math.cos(2), 0, 0},
            {0, -5 / 9.0, 1 / 3.0},
            {0, 0, 0},
        };
        double[][] jac = AD.jacobian(Targets::vector, x);
        assertEquals(4, jac.length);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertRel(expected[i][j], jac[i][j], 1e-12);
            }
        }
        double[] ybar = {1, -2, 0.5, 7};
        double[] w = AD.vjp(Targets::vector, x, ybar);
        for (int j = 0; j < 3; j++) {
            double e = 0;
            for (int i = 0; i < 4; i++) {
                e += ybar[i] * expected[i][j];
            }
            assertRel(e, w[j], 1e-12);
        }
        double[] xdot = {0.3, -1, 2};
        double[] ydot = AD.jvp(Targets::vector, x, xdot);
        for (int i = 0; i < 4; i++) {
            double e = 0;
            for (int j = 0; j < 3; j++) {
                e += expected[i][j] * xdot[j];
            }
            assertRel(e, ydot[i], 1e-12);
        }
    }

    @Test
    void jacobian_uses_reverse_sweeps_when_outputs_are_fewer_than_inputs() {
        // m = 4 < n = 12: reverse sweeps; the function ignores the extra inputs.
        double[] x = new double[12];
        x[0] = 2;
        x[1] = 3;
        x[2] = 5;
        double[][] jac = AD.jacobian(Targets::vector, x);
        assertRel(x[1], jac[0][0], 1e-12);
        assertRel(-x[2] / (x[1] * x[1]), jac[2][1], 1e-12);
        assertEquals(0, jac[0][11]);
        // and forward sweeps with many lanes when n <= m
        double[] big = new double[20];
        for (int i = 0; i < big.length; i++) {
            big[i] = 0.1 * (i + 1);
        }
        double[][] id = AD.jacobian(v -> v, big);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                assertEquals(i == j ? 1 : 0, id[i][j]);
            }
        }
    }

    @Test
    void two_threads_record_concurrently_on_their_own_tapes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                final int which = k;
                Callable<Boolean> task = () -> {
                    for (int r = 0; r < 300; r++) {
                        double a = 1 + r * 0.01;
                        if (which == 0) {
                            double[] g = AD.gradient(Targets::survey, new double[] {a, 5});
                            if (Math.abs(g[0] - (1 / a + 5)) > 1e-12) {
                                return false;
                            }
                        } else {
                            double[] g = AD.gradient(Targets::rosenbrock, new double[] {a, 1, 2});
                            double d0 = 1 - a * a;
                            if (Math.abs(g[1] - (200 * d0 - 400 * (2 - 1) - 2 * (1 - 1)) ) > 1e-9) {
                                return false;
                            }
                        }
                    }
                    return true;
                };
                results.add(pool.submit(task));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void record_renders_the_survey_traces() {
        Recording r = AD.record(Targets::survey, new double[] {2, 5});
        String primal = r.primalTrace();
        assertTrue(primal.contains("v-1 = x1 = 2.000\n"), primal);
        assertTrue(primal.contains("v0 = x2 = 5.000\n"), primal);
        assertTrue(primal.contains("v1 = ln v-1 = 0.693\n"), primal);
        assertTrue(primal.contains("v2 = v-1 * v0 = 10.000\n"), primal);
        assertTrue(primal.contains("v3 = sin v0 = -0.959\n"), primal);
        assertTrue(primal.contains("v4 = v1 + v2 = 10.693\n"), primal);
        assertTrue(primal.contains("v5 = v4 - v3 = 11.652\n"), primal);
        assertTrue(primal.endsWith("y = v5 = 11.652\n"), primal);
        String adjoint = r.adjointTrace();
        assertTrue(adjoint.startsWith("v\u03045 = y\u0304 = 1.000\n"), adjoint);
        assertTrue(adjoint.contains("v\u03040 = v\u03043 \u2202v3/\u2202v0 = -0.284\n"), adjoint);
        assertTrue(adjoint.contains("v\u03040 = v\u03040 + v\u03042 \u2202v2/\u2202v0 = 1.716\n"), adjoint);
        assertTrue(adjoint.contains("v\u0304-1 = v\u0304-1 + v\u03041 \u2202v1/\u2202v-1 = 5.500\n"), adjoint);
        assertTrue(adjoint.contains("x\u03041 = v\u0304-1 = 5.500\n"), adjoint);
        assertTrue(adjoint.contains("x\u03042 = v\u03040 = 1.716\n"), adjoint);
        String dot = r.dot();
        assertTrue(dot.startsWith("digraph"), dot);
        assertTrue(dot.contains("n1 -> n3"), dot);
        assertEquals(11.652, r.value(), 5e-4);
        assertEquals(7, r.stats().statements());
        assertEquals(8, r.stats().arguments());
        assertTrue(r.stats().bytes() > 0 && r.stats().peakBytes() >= r.stats().bytes());
    }

    @Test
    void hessian_is_exact() {
        // Rosenbrock (2 variables): H = [[1200 x0^2 - 400 x1 + 2, -400 x0], [-400 x0, 200]]
        double[] x = {1.3, -0.7};
        double[][] h = AD.hessian(Targets::rosenbrock, x);
        assertRel(1200 * 1.3 * 1.3 - 400 * -0.7 + 2, h[0][0], 1e-13);
        assertRel(-400 * 1.3, h[0][1], 1e-13);
        assertRel(-400 * 1.3, h[1][0], 1e-13);
        assertRel(200, h[1][1], 1e-13);
    }
}
