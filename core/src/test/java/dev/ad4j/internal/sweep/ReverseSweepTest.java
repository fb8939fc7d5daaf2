package dev.ad4j.internal.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The reverse sweep over flat tape arrays, on tapes written by hand: a chain in which each
 * statement uses the one below it (kept in a register by the sweep), mixed with arguments
 * further down, zero adjoints that skip infinite partials, and the inputs at the bottom of the
 * tape, which have no arguments and end the sweep.
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

    @Test
    void the_sweep_ends_at_the_inputs_but_not_at_a_statement_without_arguments_above_them() {
        // 1, 2: inputs (no arguments); 3 = 2 x1; 4: a later statement without arguments (an
        // input recorded after others); 5 = 3 s3 + 5 s4 + 7 x2. Seeds on 5 and on input 1.
        int[] end = {0, 0, 0, 1, 1, 4};
        int[] argPos = {1, 3, 4, 2};
        double[] partial = {2, 3, 5, 7};
        double[] adj = new double[6];
        adj[5] = 1;
        adj[1] = 10;
        Sweeps.reverse(end, argPos, partial, adj, 5);
        assertArrayEquals(new double[] {0, 10 + 3 * 2, 7, 3, 5, 1}, adj);
    }

    @Test
    void a_sweep_from_an_input_leaves_the_seeds_as_they_are() {
        int[] end = {0, 0, 0, 0};
        double[] adj = {0, 1, 2, 3};
        Sweeps.reverse(end, new int[0], new double[0], adj, 3);
        assertArrayEquals(new double[] {0, 1, 2, 3}, adj);
        Sweeps.reverse(end, new int[0], new double[0], adj, 3, 1);
        assertArrayEquals(new double[] {0, 1, 2, 3}, adj);
    }

    @Test
    void the_lane_sweep_ends_at_the_inputs_too() {
        // As above, two lanes: lane 0 seeded at 5, lane 1 at 3.
        int[] end = {0, 0, 0, 1, 1, 4};
        int[] argPos = {1, 3, 4, 2};
        double[] partial = {2, 3, 5, 7};
        double[] adj = new double[12];
        adj[10] = 1;
        adj[7] = 1;
        Sweeps.reverse(end, argPos, partial, adj, 5, 2);
        assertArrayEquals(new double[] {0, 0, 6, 2, 7, 0, 3, 1, 5, 0, 1, 0}, adj);
    }
}
