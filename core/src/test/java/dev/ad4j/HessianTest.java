package dev.ad4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact second order: AD.hessian and AD.hessianVector against closed forms to 1e-10. */
class HessianTest {

    static void assertClose(double[][] expected, double[][] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], rel);
        }
    }

    static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(1, Math.abs(expected[i])),
                    "component " + i + ": " + java.util.Arrays.toString(actual));
        }
    }

    static double[] times(double[][] h, double[] v) {
        double[] r = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += h[i][j] * v[j];
            }
        }
        return r;
    }

    /** Extended Rosenbrock sum 100 (x[i+1] - x[i]²)² + (1 - x[i])²: tridiagonal Hessian. */
    static double[][] rosenbrockHessian(double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i][i + 1] += -400 * x[i];
            h[i + 1][i] += -400 * x[i];
            h[i + 1][i + 1] += 200;
        }
        return h;
    }

    @Test
    void rosenbrock_hessian_is_exact() {
        Random random = new Random(5);
        for (int n : new int[] {2, 5, 11}) {
            double[] x = random.doubles(n, -2, 2).toArray();
            double[][] h = AD.hessian(Targets::rosenbrock, x);
            assertClose(rosenbrockHessian(x), h, 1e-12);
            double[] v = random.doubles(n, -1, 1).toArray();
            assertClose(times(rosenbrockHessian(x), v), AD.hessianVector(Targets::rosenbrock, x, v), 1e-12);
        }
    }

    @Test
    void hessian_of_sin_exp_log_pow_and_division_matches_the_closed_form() {
        double[][] points = {{0.7, 0.4, 1.9}, {-1.3, 1.1, 0.6}, {2.2, 0.3, 3.7}};
        for (double[] x : points) {
            double x0 = x[0];
            double x1 = x[1];
            double x2 = x[2];
            double a = Math.sin(x0) * Math.exp(x1);
            double l = Math.log(x2);
            double c = Math.pow(x1, x2);
            double lx1 = Math.log(x1);
            double a01 = Math.cos(x0) * Math.exp(x1);
            double b02 = -1 / (x2 * x0 * x0);
            double c12 = Math.pow(x1, x2 - 1) * (1 + x2 * lx1);
            double[][] expected = {
                {-a + 2 * l / (x0 * x0 * x0), a01, b02},
                {a01, a + x2 * (x2 - 1) * Math.pow(x1, x2 - 2), c12},
                {b02, c12, -1 / (x2 * x2 * x0) + c * lx1 * lx1},
            };
            assertClose(expected, AD.hessian(SecondOrderTargets::mixed, x), 1e-10);
            double[] v = {0.3, -1.2, 0.8};
            assertClose(times(expected, v), AD.hessianVector(SecondOrderTargets::mixed, x, v), 1e-10);
            // The gradient of the same recording mode is untouched.
            double[] g = AD.gradient(SecondOrderTargets::mixed, x);
            assertClose(new double[] {Math.cos(x0) * Math.exp(x1) - l / (x0 * x0), a + x2 * Math.pow(x1, x2 - 1),
                1 / (x2 * x0) + c * lx1}, g, 1e-12);
        }
    }

    @Test
    void hessian_of_products_of_inputs_is_exact() {
        double[] x = {1.5, -2.0, 0.25};
        double[][] expected = {{0, x[2], x[1]}, {x[2], 0, x[0]}, {x[1], x[0], 0}};
        assertClose(expected, AD.hessian(SecondOrderTargets::product, x), 0);
        // x * x through a call (Targets.square) and as one expression with repeated operands.
        assertClose(new double[][] {{200, 1}, {1, 2}}, AD.hessian(SecondOrderTargets::quadratic, new double[] {0.3, -0.7}), 0);
    }

    @Test
    void hessian_of_hypot_tanh_and_atan2_matches_differences_of_exact_gradients() {
        double[] x = {0.8, -1.4, 0.35};
        double[][] h = AD.hessian(SecondOrderTargets::polar, x);
        for (int j = 0; j < x.length; j++) {
            double step = 1e-5;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += step;
            xm[j] -= step;
            double[] gp = AD.gradient(SecondOrderTargets::polar, xp);
            double[] gm = AD.gradient(SecondOrderTargets::polar, xm);
            for (int i = 0; i < x.length; i++) {
                assertEquals((gp[i] - gm[i]) / (2 * step), h[i][j], 1e-7 * Math.max(1, Math.abs(h[i][j])));
            }
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                assertEquals(h[i][j], h[j][i], 0.0, "symmetric");
            }
        }
    }

    @Test
    void hessian_of_a_linear_output_and_of_an_input_output_is_zero() {
        double[][] h = AD.hessian(SecondOrderTargets::first, new double[] {1, 2, 3});
        assertClose(new double[3][3], h, 0);
        assertClose(new double[3], AD.hessianVector(SecondOrderTargets::first, new double[] {1, 2, 3}, new double[] {1, 1, 1}), 0);
    }

    @Test
    void hessian_vector_along_zero_is_zero_and_errors_are_reported_as_for_gradients() {
        assertClose(new double[2], AD.hessianVector(Targets::rosenbrock, new double[] {1, 2}, new double[2]), 0);
        assertThrows(InactiveOutputException.class, () -> AD.hessian(Targets::constant, new double[] {1, 2}));
        assertThrows(NotInstrumentedException.class, () -> AD.hessian(x -> x[0] * x[1], new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> AD.hessianVector(Targets::rosenbrock, new double[] {1, 2}, new double[3]));
    }

    @Test
    void a_derivative_rule_is_reported_even_if_the_recorded_code_swallows_the_error() {
        DerivativeRules.register("com.acme.Lib", "squash", "(D)D",
                (args, result, partials) -> partials[0] = 1 - result * result);
        int rule = DerivativeRules.lookup("com/acme/Lib", "squash", "(D)D");
        double[] x = {0.4};
        double g = AD.gradient(v -> SecondOrderTargets.ruleSwallowed(v, rule), x)[0];
        assertEquals(Math.tanh(0.4) + 0.4 * (1 - Math.tanh(0.4) * Math.tanh(0.4)), g, 1e-15);
        ADException e = assertThrows(ADException.class, () -> AD.hessian(v -> SecondOrderTargets.ruleSwallowed(v, rule), x));
        assertEquals(true, e.getMessage().contains("com.acme.Lib.squash(D)D"), e.getMessage());
        assertThrows(ADException.class, () -> AD.hessianVector(v -> SecondOrderTargets.ruleSwallowed(v, rule), x, x));
    }

    @Test
    void first_order_recordings_after_a_hessian_fold_again() {
        AD.hessian(SecondOrderTargets::quadratic, new double[] {0.3, -0.7});
        long second = AD.lastTapeStats().statements();
        AD.gradient(SecondOrderTargets::quadratic, new double[] {0.3, -0.7});
        long first = AD.lastTapeStats().statements();
        assertEquals(2 + 6L, second, "one statement per operation in second-order mode");
        assertEquals(true, first < second, first + " statements after folding");
    }
}
