package dev.ad4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    /**
     * y = x1 cos x2, "instrumented" with a wrong rule: it records cos through the sin helper,
     * so the partial for x2 is cos x2 instead of -sin x2 (a bug in a derivative rule).
     */
    static double wrongRule(double[] x) {
        Tape t = Rt.enter();
        double x1 = x[0];
        int i1 = Rt.daload(t, x, 0, x1);
        double x2 = x[1];
        int i2 = Rt.daload(t, x, 1, x2);
        double c = Math.cos(x2);
        int ic = Rt.sin(t, i2, x2, c); // deliberately the wrong rule
        double y = x1 * c;
        int iy = Rt.dmul(t, i1, ic, x1, c, y);
        Rt.ret(t, iy, y);
        return y;
    }

    @Test
    void survey_gradient_passes_with_tiny_errors() {
        GradientCheck.Result r = GradientCheck.gradient(Targets::survey, new double[] {2, 5});
        assertTrue(r.passed(), r::toString);
        assertEquals(1, r.rows());
        assertEquals(2, r.cols());
        assertEquals(5.5, r.entry(0, 0).ad(), 1e-12);
        assertEquals(2 - Math.cos(5), r.entry(0, 1).ad(), 1e-12);
        assertTrue(r.maxAbsoluteError() < 1e-8, r::toString);
        assertTrue(r.maxRelativeError() < 1e-8, r::toString);
    }

    @Test
    void steps_are_relative_to_the_coordinate_and_exactly_representable() {
        double[] x = {2, 0.25, -300};
        GradientCheck.Result r = GradientCheck.withDefaults().eps(1e-4)
                .compare(z -> z[0] + z[1] + z[2], x, new double[] {1, 1, 1});
        // the realised step differs from eps * max(1, |x|) by at most an ulp of x
        assertEquals(2e-4, r.entry(0, 0).step(), Math.ulp(2.0));
        assertEquals(1e-4, r.entry(0, 1).step(), Math.ulp(1.0));
        assertEquals(3e-2, r.entry(0, 2).step(), Math.ulp(300.0));
        for (GradientCheck.Entry e : r.entries()) {
            assertEquals(e.x() + e.step() - (e.x() - e.step()), 2 * e.step(), 0);
        }
    }

    @Test
    void deliberately_wrong_derivative_rule_is_caught_on_that_coordinate_only() {
        double[] x = {3, 0.5};
        GradientCheck.Result r = GradientCheck.gradient(GradientCheckTest::wrongRule, x);
        assertFalse(r.passed(), r::toString);
        List<GradientCheck.Entry> failed = r.failures();
        assertEquals(1, failed.size(), r::toString);
        assertEquals(1, failed.get(0).input());
        assertEquals(3 * Math.cos(0.5), failed.get(0).ad(), 1e-12);
        assertEquals(-3 * Math.sin(0.5), failed.get(0).numeric(), 1e-8);
        assertTrue(r.entry(0, 0).passed());
        assertTrue(r.toString().contains("FAILED: 1 of 2"), r::toString);
        assertTrue(r.toString().contains(" NO"), r::toString);
    }

    @Test
    void hand_written_gradient_with_a_sign_error_is_caught() {
        double[] x = {1.3, -0.7, 2.1};
        double[] right = AD.gradient(Targets::rosenbrock, x);
        double[] wrong = right.clone();
        wrong[2] = -wrong[2];
        assertTrue(GradientCheck.withDefaults().compare(Targets::rosenbrock, x, right).passed());
        GradientCheck.Result r = GradientCheck.withDefaults().compare(Targets::rosenbrock, x, wrong);
        assertEquals(1, r.failures().size(), r::toString);
        assertEquals(2, r.failures().get(0).input());
        assertEquals(2, r.failures().get(0).relativeError(), 1e-6);
    }

    @Test
    void jacobian_check_covers_every_entry_including_a_constant_row() {
        double[] x = {0.7, 2, -1.5};
        GradientCheck.Result r = GradientCheck.jacobian(Targets::vector, x);
        assertTrue(r.passed(), r::toString);
        assertEquals(4, r.rows());
        assertEquals(3, r.cols());
        assertEquals(12, r.entries().size());
        assertEquals(Math.cos(0.7), r.entry(1, 0).ad(), 1e-15);
        assertEquals(1.5 / 4, r.entry(2, 1).ad(), 1e-15);
        assertEquals(0, r.entry(3, 2).ad(), 0);
        assertEquals(0, r.entry(3, 2).relativeError(), 0);
        String table = r.toString();
        assertTrue(table.startsWith("Jacobian check"), table);
        assertTrue(table.contains("PASSED: 12 of 12"), table);
    }

    @Test
    void tolerances_decide_pass_or_fail() {
        double[] x = {2, 5};
        double[] almost = AD.gradient(Targets::survey, x);
        almost[0] *= 1 + 1e-6;
        assertTrue(GradientCheck.withDefaults().compare(Targets::survey, x, almost).passed());
        GradientCheck strict = GradientCheck.withDefaults().atol(0).rtol(1e-8);
        assertFalse(strict.compare(Targets::survey, x, almost).passed());
    }

    @Test
    void nan_never_passes() {
        GradientCheck.Result r = GradientCheck.withDefaults()
                .compare(z -> z[0] * z[0], new double[] {1}, new double[] {Double.NaN});
        assertFalse(r.passed());
        assertTrue(Double.isNaN(r.maxAbsoluteError()));
        assertTrue(r.toString().contains("NaN"), r::toString);
    }

    @Test
    void bad_settings_and_shapes_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.withDefaults().eps(0));
        assertThrows(IllegalArgumentException.class, () -> GradientCheck.withDefaults().atol(-1));
        assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.withDefaults().compare(z -> z[0], new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void uninstrumented_function_is_reported_not_checked() {
        assertThrows(NotInstrumentedException.class,
                () -> GradientCheck.gradient(z -> z[0] * z[1], new double[] {1, 2}));
    }

    @Test
    void table_has_one_row_per_coordinate_and_a_summary() {
        String table = GradientCheck.gradient(Targets::survey, new double[] {2, 5}).toString();
        System.out.print(table);
        List<String> lines = table.lines().toList();
        assertEquals(5, lines.size(), table);
        assertTrue(lines.get(0).startsWith("gradient check against central differences (eps 1e-06"), table);
        assertTrue(lines.get(2).contains("5.500000000000000e+00"), table);
        assertTrue(lines.get(4).startsWith("PASSED: 2 of 2"), table);
    }
}
