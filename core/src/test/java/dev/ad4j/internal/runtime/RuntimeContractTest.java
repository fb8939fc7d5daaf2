package dev.ad4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ad4j.NestedRecordingException;
import dev.ad4j.internal.tape.Tape;
import org.junit.jupiter.api.Test;

/** Registers, index validation, enter() and array shadows. */
class RuntimeContractTest {

    @Test
    void enter_returns_null_unless_this_thread_records_and_counts_entries() {
        assertNull(Rt.enter());
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            assertSame(t, Rt.enter());
            assertSame(t, Rt.enter());
            assertEquals(2, t.entries());
        } finally {
            t.end();
        }
        assertNull(Rt.enter());
    }

    @Test
    void begin_twice_is_a_nested_recording_error() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            assertThrows(NestedRecordingException.class, t::begin);
        } finally {
            t.end();
        }
    }

    @Test
    void registers_are_tail_aligned_and_value_checked() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int i0 = t.input(1.0);
            int i1 = t.input(2.0);
            int i2 = t.input(3.0);
            Rt.args(t, 3);
            Rt.arg(t, 0, i0, 1.0);
            Rt.arg(t, 1, i1, 2.0);
            Rt.arg(t, 2, i2, 3.0);
            // A callee with 2 double params (e.g. the receiver-less tail of the argument list).
            assertEquals(i1, Rt.param(t, 2.0, 0, 2));
            assertEquals(i2, Rt.param(t, 3.0, 1, 2));
            assertEquals(0, Rt.param(t, 9.0, 0, 2), "value mismatch");
            assertEquals(0, Rt.param(t, 1.0, 0, 4), "more params than registers");
            assertEquals(i0, Rt.param(t, 1.0, 0, 3));
            Rt.endParams(t);
            assertEquals(0, Rt.param(t, 1.0, 0, 3), "registers cleared by endParams");

            Rt.ret(t, i2, 3.0);
            assertEquals(0, Rt.result(t, 3.5), "value mismatch");
            Rt.ret(t, i2, 3.0);
            Rt.args(t, 1);
            Rt.arg(t, 0, i0, 1.0);
            assertEquals(i2, Rt.result(t, 3.0));
            assertEquals(0, Rt.result(t, 3.0), "result clears the return register");
            assertEquals(0, Rt.param(t, 1.0, 0, 1), "result clears the argument registers");
            Rt.args(t, 1);
            Rt.arg(t, 0, i0, 1.0);
            Rt.afterCall(t);
            assertEquals(0, Rt.param(t, 1.0, 0, 1));
        } finally {
            t.end();
        }
    }

    @Test
    void index_from_an_earlier_recording_is_rejected() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        int stale;
        try {
            stale = t.input(3.0);
            assertEquals(stale, Rt.check(t, stale, 3.0));
            assertEquals(0, Rt.check(t, stale, 3.5), "value bits must match");
        } finally {
            t.end();
        }
        t.begin();
        try {
            int fresh = t.input(3.0);
            assertNotEquals(stale, fresh);
            assertEquals(0, Rt.check(t, stale, 3.0), "stale index with the same value");
            assertEquals(fresh, Rt.check(t, fresh, 3.0));
            assertEquals(0, Rt.check(null, fresh, 3.0));
            assertEquals(0, Rt.check(t, fresh, -0.0 == 0.0 ? Double.longBitsToDouble(
                    Double.doubleToRawLongBits(3.0) + 1) : 0), "one ulp off");
        } finally {
            t.end();
        }
    }

    @Test
    void array_shadows_follow_loads_stores_copies_fills_and_sorts() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            double[] a = {4, 1, 3};
            int[] ids = {t.input(4), t.input(1), t.input(3)};
            for (int i = 0; i < 3; i++) {
                Rt.dastore(t, a, i, ids[i]);
            }
            assertEquals(ids[1], Rt.daload(t, a, 1, 1.0));
            assertEquals(0, Rt.daload(t, a, 1, 2.0), "value changed behind the shadow's back");
            double[] passive = new double[3];
            Rt.dastore(t, passive, 0, 0);
            assertNull(Rt.shadow(t, passive), "no shadow is created for passive stores");

            double[] b = new double[5];
            System.arraycopy(a, 0, b, 1, 3);
            Rt.arraycopy(t, a, 0, b, 1, 3);
            assertEquals(ids[0], Rt.daload(t, b, 1, 4.0));
            assertEquals(ids[2], Rt.daload(t, b, 3, 3.0));
            System.arraycopy(passive, 0, b, 1, 1);
            Rt.arraycopy(t, passive, 0, b, 1, 1);
            assertEquals(0, Rt.daload(t, b, 1, 0.0));

            double[] c = a.clone();
            Rt.copyOf(t, a, 0, c);
            assertEquals(ids[2], Rt.daload(t, c, 2, 3.0));

            Rt.sort(t, a);
            assertArrayEquals(new double[] {1, 3, 4}, a);
            assertEquals(ids[1], Rt.daload(t, a, 0, 1.0));
            assertEquals(ids[2], Rt.daload(t, a, 1, 3.0));
            assertEquals(ids[0], Rt.daload(t, a, 2, 4.0));

            java.util.Arrays.fill(c, 4.0);
            Rt.fill(t, c, 0, 3, ids[0]);
            assertEquals(ids[0], Rt.daload(t, c, 1, 4.0));
            Rt.dastore(t, c, 1, 0);
            assertEquals(0, Rt.daload(t, c, 1, 4.0));
        } finally {
            t.end();
        }
        // Shadows are dropped with the recording.
        assertEquals(0, Rt.daload(null, new double[1], 0, 0));
    }

    @Test
    void many_arrays_survive_map_growth() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            double[][] arrays = new double[500][1];
            int[] ids = new int[500];
            for (int k = 0; k < 500; k++) {
                arrays[k][0] = k;
                ids[k] = t.input(k);
                Rt.dastore(t, arrays[k], 0, ids[k]);
            }
            for (int k = 0; k < 500; k++) {
                assertEquals(ids[k], Rt.daload(t, arrays[k], 0, k));
            }
        } finally {
            t.end();
        }
    }
}
