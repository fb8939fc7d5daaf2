package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What a tape keeps between recordings: a large one that was well used keeps its capacity (an
 * optimizer's next gradient records as much again, without regrowing or copying); capacity a
 * recording left mostly idle goes back to the GC. Statements stay readable after {@link Tape#end()}.
 */
class TapeCapacityTest {

    private static void record(Tape t, int statements) {
        t.begin();
        for (int i = 0; i < statements; i++) {
            t.input(i);
        }
        t.end();
    }

    @Test
    void a_new_tape_records_its_starting_capacity_without_growing_unless_the_budget_is_small() {
        Tape t = Tape.forCurrentThread();
        record(t, 10);
        int start = t.statementCapacity();
        assertTrue(start >= Tape.START_STMTS, "start " + start);
        record(t, Tape.START_STMTS - 1);
        assertEquals(start, t.statementCapacity(), "no growth below the starting capacity");

        long saved = Tape.defaultMaxBytes();
        try {
            // A budget of 256k cannot hold the 2.4 MB start: the tape starts smaller, within half of it.
            Tape.setDefaultMaxBytes(256 * 1024);
            record(t, 10);
            assertTrue(t.statementCapacity() < Tape.START_STMTS, "capacity " + t.statementCapacity());
            assertTrue(Tape.bytesFor(t.statementCapacity(), 2L * t.statementCapacity()) <= 128 * 1024);
        } finally {
            Tape.setDefaultMaxBytes(saved);
        }
    }

    @Test
    void a_well_used_large_tape_keeps_its_capacity_and_an_idle_one_is_trimmed() {
        Tape t = Tape.forCurrentThread();
        record(t, 3_000_000);
        int large = t.statementCapacity();
        assertTrue(large >= 3_000_000, "capacity " + large);
        assertEquals(2_999_999.0, t.values()[t.size()], "the last statement is still readable");

        record(t, 2_500_000);
        assertEquals(large, t.statementCapacity(), "a second large recording reuses the capacity");

        record(t, 1000);
        assertEquals(Tape.START_STMTS, t.statementCapacity(), "mostly idle capacity is released down to the start");
        assertEquals(999.0, t.values()[t.size()], "the last statement is still readable");
    }

    @Test
    void the_adjoints_of_a_sweep_are_one_zeroed_array_kept_with_the_statements_it_served() {
        Tape t = Tape.forCurrentThread();
        record(t, 3_000_000);
        double[] first = t.adjoints(3_000_001);
        java.util.Arrays.fill(first, 7.0);
        record(t, 2_500_000);
        double[] second = t.adjoints(2_500_001);
        assertSame(first, second, "a large gradient does not allocate its adjoints again");
        for (int i = 0; i < 2_500_001; i++) {
            assertEquals(0.0, second[i], "adjoint " + i);
        }
        record(t, 1000);
        assertNotSame(first, t.adjoints(1001), "released with the capacity it served");
    }

    @Test
    void the_indices_of_inputs_are_one_array_for_as_many_inputs() {
        Tape t = Tape.forCurrentThread();
        int[] first = t.inputIndices(1000);
        t.begin();
        t.inputs(new double[1000], first);
        t.end();
        assertEquals(1000, first.length);
        assertSame(first, t.inputIndices(1000), "the next gradient of as many inputs reuses it");
        int[] other = t.inputIndices(999);
        assertEquals(999, other.length, "a shadow is as long as its array");
        assertNotSame(first, other);
    }
}
