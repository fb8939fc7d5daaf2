package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The identity map from arrays to shadows: lookups through its cache of recent keys and its
 * hash table, and clearing, which must forget both (a clear with nothing to forget is free).
 */
class ShadowMapTest {

    @Test
    void a_cleared_map_forgets_stored_shadows_and_remembered_misses() {
        ShadowMap m = new ShadowMap();
        double[] a = new double[3];
        double[] b = new double[2];
        int[] sa = new int[3];
        assertNull(m.get(b), "a miss, remembered as such");
        m.put(a, sa);
        assertSame(sa, m.get(a));
        m.clear();
        assertNull(m.get(a));
        assertEquals(0, m.size());
        int[] sb = new int[2];
        m.put(b, sb);
        assertSame(sb, m.get(b), "the remembered miss from before the clear is gone");
        m.clear();
        m.clear();
        assertNull(m.get(b));
        assertEquals(0, m.bytes() - 12L * 16, "no shadow bytes left after clearing");
    }

    @Test
    void many_arrays_outgrow_the_recent_keys_and_are_found_by_hashing() {
        ShadowMap m = new ShadowMap();
        double[][] arrays = new double[100][1];
        int[][] shadows = new int[100][1];
        for (int k = 0; k < 100; k++) {
            m.put(arrays[k], shadows[k]);
        }
        for (int k = 0; k < 100; k++) {
            assertSame(shadows[k], m.get(arrays[k]));
        }
        m.clear();
        for (int k = 0; k < 100; k++) {
            assertNull(m.get(arrays[k]));
        }
    }

    @Test
    void the_bytes_of_the_shadows_are_counted_once_in_the_list_and_in_the_table() {
        ShadowMap m = new ShadowMap();
        long empty = m.bytes();
        double[][] arrays = new double[20][];
        long shadows = 0;
        for (int k = 0; k < 20; k++) {
            arrays[k] = new double[k + 1];
            m.put(arrays[k], new int[k + 1]);
            shadows += 4L * (k + 1);
            assertEquals(k + 1, m.size());
            assertEquals(shadows, m.shadowBytes, "after " + (k + 1) + " arrays");
        }
        // Past the list's eight arrays the table holds all twenty; replacing one counts the difference.
        m.put(arrays[3], new int[10]);
        assertEquals(shadows - 4L * 4 + 4L * 10, m.shadowBytes);
        for (int k = 0; k < 20; k++) {
            assertEquals(k == 3 ? 10 : k + 1, m.get(arrays[k]).length);
        }
        m.clear();
        assertEquals(0, m.size());
        assertEquals(0, m.shadowBytes);

        ShadowMap small = new ShadowMap();
        small.put(arrays[0], new int[1]);
        small.put(arrays[1], new int[2]);
        small.put(arrays[1], new int[5]);
        assertEquals(empty + 4L * (1 + 5), small.bytes());
        assertEquals(2, small.size());
        assertNull(small.get(arrays[2]));
        assertEquals(5, small.get(arrays[1]).length);
    }
}
