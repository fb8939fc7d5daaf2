package dev.ad4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.Checkpointing;
import dev.ad4j.internal.checkpoint.Binomial;
import org.junit.jupiter.api.Test;

/** The Revolve arithmetic against a brute-force solution of its recurrence. */
class BinomialScheduleTest {
    private static final int L = 160;
    private static final int C = 9;

    /** dp[l][c]: fewest advances to reverse l steps with c snapshots, by trying every split. */
    private static long[][] bruteForce() {
        long[][] dp = new long[L + 1][C + 1];
        for (int c = 1; c <= C; c++) {
            for (int l = 2; l <= L; l++) {
                if (c == 1) {
                    dp[l][c] = (long) l * (l - 1) / 2;
                    continue;
                }
                long best = Long.MAX_VALUE;
                for (int m = 1; m < l; m++) {
                    best = Math.min(best, m + dp[l - m][c - 1] + dp[m][c]);
                }
                dp[l][c] = best;
            }
        }
        return dp;
    }

    @Test
    void closed_form_optimum_equals_the_brute_force_minimum() {
        long[][] dp = bruteForce();
        for (int c = 1; c <= C; c++) {
            for (int l = 1; l <= L; l++) {
                assertEquals(dp[l][c], Binomial.optimalAdvances(l, c), "l=" + l + " c=" + c);
            }
        }
    }

    @Test
    void chosen_split_attains_the_minimum() {
        long[][] dp = bruteForce();
        for (int c = 2; c <= C; c++) {
            for (int l = 2; l <= L; l++) {
                int m = Binomial.split(l, c);
                assertTrue(m >= 1 && m < l);
                assertEquals(dp[l][c], m + dp[l - m][c - 1] + dp[m][c], "l=" + l + " c=" + c + " m=" + m);
            }
        }
    }

    @Test
    void repetition_number_is_the_least_r_with_enough_binomial_capacity() {
        // C(s + r, s) >= n: 200000 steps with 100 snapshots need r = 4 (C(103, 3) = 176851 < 200000).
        assertEquals(4, Checkpointing.repetitions(200_000, 100));
        assertEquals(1, Checkpointing.repetitions(200_000, 200_000));
        assertEquals(199_999, Checkpointing.repetitions(200_000, 1));
        assertEquals(4L * 200_000 - 182_104, Checkpointing.optimalAdvances(200_000, 100)); // C(104, 3)
        assertEquals(199_999L, Checkpointing.optimalAdvances(200_000, 1 << 20));
        assertEquals(199_999L * 200_000 / 2, Checkpointing.optimalAdvances(200_000, 1));
    }
}
