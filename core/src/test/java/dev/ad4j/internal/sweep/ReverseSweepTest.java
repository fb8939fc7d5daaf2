package dev.ad4j.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The reverse sweep over flat tape arrays, on tapes written by hand: a chain in which each
 * statement uses the one below it (kept in a register by the sweep), mixed with arguments
 * further down, and zero adjoints that skip infinite partials.
 */
class ReverseSweepTest {

    @Test
    void a_chain_of_statements_multiplies_its_partials() {
        // 1: input; s = 2..6: s uses s - 1 with partial s.
        int n = 6;
        int[] end = new int[n + 1];
        int[] argPos = new int[n];
        double[] partial = new double[n];
        int k = 0;
        for (int s = 2; s <= n; s++) {
            argPos[k] = s - 1;
            partial[k] = s;
            end[s] = ++k;
        }
        end[1] = 0;
        double[] adj = new double[n + 1];
        adj[n] = 1;
        Sweeps.reverse(end, argPos, partial, adj, n);
        assertEquals(6.0 * 5 * 4 * 3 * 2, adj[1]);
        assertArrayEquals(new double[] {0, 720, 360, 120, 30, 6, 1}, adj, "every statement's adjoint stays readable");
    }

    @Test
    void arguments_below_and_further_down_add_up() {
        // 1, 2: inputs; 3 = 2 x1 + 3 x2; 4 = 5 s3 + 7 x1 (its statement below and one further down).
        int[] end = {0, 0, 0, 2, 4};
        int[] argPos = {1, 2, 3, 1};
        double[] partial = {2, 3, 5, 7};
        double[] adj = new double[5];
        adj[4] = 1;
        Sweeps.reverse(end, argPos, partial, adj, 4);
        assertEquals(5 * 2 + 7, adj[1]);
        assertEquals(5 * 3, adj[2]);
        assertEquals(5, adj[3]);
    }

    @Test
    void a_statement_without_adjoint_passes_nothing_down_even_through_an_infinite_partial() {
        // 1: input; 2 = inf * x1 (on no path to the output); 3 = 4 x1; output 3.
        int[] end = {0, 0, 1, 2};
        int[] argPos = {1, 1};
        double[] partial = {Double.POSITIVE_INFINITY, 4};
        double[] adj = new double[4];
        adj[3] = 1;
        Sweeps.reverse(end, argPos, partial, adj, 3);
        assertEquals(4.0, adj[1]);
        assertEquals(0.0, adj[2]);
    }
}
