package dev.ad4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Derivatives at the points where the rules had to choose a convention (see Rt's Javadoc). */
class ConventionsTest {
    private Tape t;

    @BeforeEach
    void begin() {
        t = Tape.forCurrentThread();
        t.begin();
    }

    @AfterEach
    void end() {
        t.end();
    }

    /** Partials of the statement {@code out} with respect to the given indices. */
    private double[] partials(int out, int... inputs) {
        double[] g = new double[inputs.length];
        if (out == 0) {
            return g;
        }
        int pos = t.position(out);
        double[] adj = new double[pos + 1];
        adj[pos] = 1;
        Sweeps.reverse(t.ends(), t.argPositions(), t.partials(), adj, pos);
        for (int j = 0; j < inputs.length; j++) {
            g[j] = inputs[j] == 0 ? 0 : adj[t.position(inputs[j])];
        }
        return g;
    }

    @Test
    void abs_has_derivative_zero_at_zero_and_sign_elsewhere() {
        int z = t.input(0.0);
        assertEquals(0.0, partials(Rt.abs(t, z, 0.0, 0.0), z)[0]);
        int nz = t.input(-0.0);
        assertEquals(0.0, partials(Rt.abs(t, nz, -0.0, 0.0), nz)[0]);
        int a = t.input(-3);
        assertEquals(-1.0, partials(Rt.abs(t, a, -3, 3), a)[0]);
    }

    @Test
    void min_and_max_split_ties_evenly() {
        int a = t.input(1);
        int b = t.input(1);
        double[] g = partials(Rt.max(t, a, b, 1, 1, 1), a, b);
        assertEquals(0.5, g[0]);
        assertEquals(0.5, g[1]);
        g = partials(Rt.min(t, a, b, 1, 1, 1), a, b);
        assertEquals(0.5, g[0]);
        assertEquals(0.5, g[1]);
        int c = t.input(2);
        g = partials(Rt.min(t, a, c, 1, 2, 1), a, c);
        assertEquals(1.0, g[0]);
        assertEquals(0.0, g[1]);
    }

    @Test
    void sqrt_and_cbrt_have_infinite_slope_at_zero() {
        int z = t.input(0);
        assertEquals(Double.POSITIVE_INFINITY, partials(Rt.sqrt(t, z, 0, 0), z)[0]);
        assertEquals(Double.POSITIVE_INFINITY, partials(Rt.cbrt(t, z, 0, 0), z)[0]);
    }

    @Test
    void piecewise_constant_functions_give_passive_results() {
        int a = t.input(2.5);
        assertEquals(0, Rt.floor(t, a, 2.5, 2));
        assertEquals(0, Rt.ceil(t, a, 2.5, 3));
        assertEquals(0, Rt.rint(t, a, 2.5, 2));
        assertEquals(0, Rt.signum(t, a, 2.5, 1));
        assertEquals(0, Rt.ulp(t, a, 2.5, Math.ulp(2.5)));
    }

    @Test
    void copy_sign_follows_the_sign_relation_and_ignores_the_sign_source() {
        int a = t.input(2);
        int b = t.input(-3);
        double[] g = partials(Rt.copySign(t, a, b, 2, -3, -2), a, b);
        assertEquals(-1.0, g[0]);
        assertEquals(0.0, g[1]);
        assertEquals(1.0, partials(Rt.copySign(t, a, b, 2, 3, 2), a)[0]);
        assertEquals(0, Rt.copySign(t, 0, b, 2, -3, -2));
    }

    @Test
    void pow_conventions_at_zero_and_negative_base() {
        int a = t.input(0);
        int b = t.input(2);
        double[] g = partials(Rt.pow(t, a, b, 0, 2, 0), a, b);
        assertEquals(0.0, g[0]);
        assertEquals(0.0, g[1]);
        int c = t.input(1.5);
        assertEquals(0.0, partials(Rt.pow(t, c, 0, 1.5, 0, 1), c)[0]);
        // Negative base with a constant integer exponent: no NaN from log(a).
        int n = t.input(-2);
        double[] gn = partials(Rt.pow(t, n, 0, -2, 3, -8), n);
        assertEquals(12.0, gn[0]);
        // With an active exponent the partial wrt b is NaN (ln of a negative number).
        int e = t.input(3);
        double[] ge = partials(Rt.pow(t, n, e, -2, 3, -8), n, e);
        assertEquals(12.0, ge[0]);
        assertEquals(Double.NaN, ge[1]);
    }

    @Test
    void atan2_and_hypot_at_the_origin_have_zero_partials() {
        int y = t.input(0);
        int x = t.input(0);
        double[] g = partials(Rt.atan2(t, y, x, 0, 0, 0), y, x);
        assertEquals(0.0, g[0]);
        assertEquals(0.0, g[1]);
        g = partials(Rt.hypot(t, y, x, 0, 0, 0), y, x);
        assertEquals(0.0, g[0]);
        assertEquals(0.0, g[1]);
    }

    @Test
    void remainder_partials_use_the_quotient_of_the_operation() {
        int a = t.input(7.5);
        int b = t.input(2);
        double[] g = partials(Rt.drem(t, a, b, 7.5, 2, 7.5 % 2), a, b);
        assertEquals(1.0, g[0]);
        assertEquals(-3.0, g[1]);
        int na = t.input(-7.5);
        g = partials(Rt.drem(t, na, b, -7.5, 2, -7.5 % 2), na, b);
        assertEquals(3.0, g[1]);
        g = partials(Rt.IEEEremainder(t, a, b, 7.5, 2, Math.IEEEremainder(7.5, 2)), a, b);
        assertEquals(1.0, g[0]);
        assertEquals(-4.0, g[1]);
    }

    @Test
    void clamp_composes_max_then_min() {
        int v = t.input(5);
        int lo = t.input(0);
        int hi = t.input(1);
        double[] g = partials(Rt.clamp(t, v, lo, hi, 5, 0, 1, 1), v, lo, hi);
        assertEquals(0.0, g[0]);
        assertEquals(0.0, g[1]);
        assertEquals(1.0, g[2]);
        g = partials(Rt.clamp(t, v, lo, hi, 0.5, 0, 1, 0.5), v, lo, hi);
        assertEquals(1.0, g[0]);
        int w = t.input(0);
        g = partials(Rt.clamp(t, w, lo, hi, 0, 0, 1, 0), w, lo, hi);
        assertEquals(0.5, g[0]);
        assertEquals(0.5, g[1]);
        assertEquals(0.0, g[2]);
    }

    @Test
    void zero_adjoint_paths_do_not_turn_infinite_partials_into_nan() {
        int z = t.input(0);
        int s = Rt.sqrt(t, z, 0, 0);
        int m = Rt.dmul(t, s, 0, 0, 0, 0); // sqrt(z) * 0
        double[] g = partials(m, z);
        assertFalse(Double.isNaN(g[0]));
    }
}
