package dev.ad4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The oracle's verdicts on gradients and differences written by hand: what it excuses and what not. */
class OracleTest {

    private static Oracle.Outcome judge(double ad, double fd, double largest) {
        double[] d = {fd};
        return Oracle.judge(1.0, new double[] {ad}, largest, d, d, d, d).outcome();
    }

    @Test
    void a_wrong_derivative_is_a_mismatch_even_beside_large_intermediates() {
        assertEquals(Oracle.Outcome.MISMATCH, judge(1.0, 1.01, 10));
        assertEquals(Oracle.Outcome.MISMATCH, judge(1.0, 1.01, 1e6));
        assertEquals(Oracle.Outcome.MISMATCH, judge(1.0, 1.0001, 1e3));
    }

    @Test
    void differences_off_by_the_rounding_of_a_cancelled_intermediate_are_no_mismatch() {
        // Differences 5e-6 off: within 8 ulp(1e6) / 1e-5 (about 9e-5), not within 8 ulp(10) / 1e-5.
        assertEquals(Oracle.Outcome.OK, judge(0.25, 0.250005, 1e6));
        assertEquals(Oracle.Outcome.MISMATCH, judge(0.25, 0.250005, 10));
    }
}
