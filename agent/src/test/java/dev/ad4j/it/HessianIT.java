package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.hess.Models;
import dev.ad4j.AD;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exact second order end to end: the models in {@code com.example.hess} are ordinary compiled
 * classes rewritten by the agent; their Hessians must match closed forms to 1e-10 (they would
 * not if the rewriter's folded expressions or calls bypassed the second-order path).
 */
class HessianIT {

    static void assertClose(double[][] expected, double[][] actual, double rel) {
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], rel);
        }
    }

    static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rel * Math.max(1, Math.abs(expected[i])), "component " + i);
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

    @Test
    void rosenbrock_hessian_is_exact() {
        Random random = new Random(17);
        double[] x = random.doubles(30, -2, 2).toArray();
        int n = x.length;
        double[][] expected = new double[n][n];
        for (int i = 0; i < n - 1; i++) {
            expected[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            expected[i][i + 1] += -400 * x[i];
            expected[i + 1][i] += -400 * x[i];
            expected[i + 1][i + 1] += 200;
        }
        assertClose(expected, AD.hessian(Models::rosenbrock, x), 1e-10);
        double[] v = random.doubles(n, -1, 1).toArray();
        assertClose(times(expected, v), AD.hessianVector(Models::rosenbrock, x, v), 1e-10);
    }

    @Test
    void hessian_through_objects_calls_sin_exp_log_pow_and_division_is_exact() {
        double[] x = {0.7, 0.4, 1.9};
        double x0 = x[0];
        double x1 = x[1];
        double x2 = x[2];
        double a = Math.sin(x0) * Math.exp(x1);
        double l = Math.log(x2);
        double lx1 = Math.log(x1);
        double a01 = Math.cos(x0) * Math.exp(x1);
        double b02 = -1 / (x2 * x0 * x0);
        double c12 = Math.pow(x1, x2 - 1) * (1 + x2 * lx1);
        double[][] expected = {
            {-a + 2 * l / (x0 * x0 * x0), a01, b02},
            {a01, a + x2 * (x2 - 1) * Math.pow(x1, x2 - 2), c12},
            {b02, c12, -1 / (x2 * x2 * x0) + Math.pow(x1, x2) * lx1 * lx1},
        };
        assertClose(expected, AD.hessian(Models::mixed, x), 1e-10);
        double[] v = {1, -0.5, 0.25};
        assertClose(times(expected, v), AD.hessianVector(Models::mixed, x, v), 1e-10);
    }

    @Test
    void log_sum_exp_hessian_is_diag_p_minus_p_p_transposed() {
        double[] x = {0.3, -1.2, 2.0, 0.9, -0.4};
        int n = x.length;
        double z = 0;
        for (double v : x) {
            z += Math.exp(v);
        }
        double[][] expected = new double[n][n];
        for (int i = 0; i < n; i++) {
            double pi = Math.exp(x[i]) / z;
            for (int j = 0; j < n; j++) {
                expected[i][j] = (i == j ? pi : 0) - pi * Math.exp(x[j]) / z;
            }
        }
        assertClose(expected, AD.hessian(Models::logSumExp, x), 1e-10);
    }

    @Test
    void quadratic_plus_cubic_through_a_lambda_is_exact() {
        double[][] a = {{4, 1, -2}, {1, 3, 0.5}, {-2, 0.5, 5}};
        double[] x = {0.6, -1.1, 2.4};
        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                expected[i][j] = a[i][j] + (i == j ? 2 * x[i] : 0);
            }
        }
        assertClose(expected, AD.hessian(v -> Models.quadraticPlusCubic(v, a), x), 1e-10);
    }
}
