package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * The read cache in front of the tape's shadow map ({@code Tape.shadow}): it answers as the map
 * does whatever the arrays' identity hashes collide on, sees every change of a shadow, and keeps
 * no array of the application reachable once the recording ends.
 */
class ShadowReadCacheTest {

    @Test
    void lookups_of_more_arrays_than_the_cache_holds_answer_as_the_map_does() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            double[][] arrays = new double[200][2];
            int[][] shadows = new int[200][];
            for (int k = 0; k < arrays.length; k += 2) { // every other array has a shadow
                shadows[k] = new int[] {k, k + 1};
                t.setShadow(arrays[k], shadows[k]);
            }
            for (int round = 0; round < 3; round++) {
                for (int k = 0; k < arrays.length; k++) {
                    assertSame(shadows[k], t.shadow(arrays[k]), "array " + k + ", round " + round);
                }
                for (int k = arrays.length - 1; k >= 0; k -= 7) {
                    assertSame(shadows[k], t.shadow(arrays[k]), "array " + k + " backwards, round " + round);
                }
            }
        } finally {
            t.end();
        }
    }

    @Test
    void a_shadow_given_after_a_lookup_found_none_is_seen() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            double[] a = new double[3];
            double[] b = new double[3];
            assertNull(t.shadow(a));
            assertNull(t.shadow(b));
            assertNull(t.shadow(a), "a remembered miss");
            int[] s = t.shadowForWrite(a);
            assertSame(s, t.shadow(a), "the new shadow, not the remembered miss");
            assertNull(t.shadow(b));
            int[] r = new int[3];
            t.setShadow(a, r);
            assertSame(r, t.shadow(a), "a replaced shadow");
            assertSame(r, t.shadow(a));
        } finally {
            t.end();
        }
    }

    @Test
    void the_cache_keeps_no_array_after_the_recording_and_starts_empty() {
        Tape t = Tape.forCurrentThread();
        double[] kept = new double[4];
        t.begin();
        int[] s = t.shadowForWrite(kept);
        for (int k = 0; k < 50; k++) {
            t.shadow(new double[1]);
        }
        assertSame(s, t.shadow(kept));
        t.end();
        assertEquals(0, t.cachedReads(), "no array of the recording is reachable from the tape");
        t.begin();
        try {
            assertNull(t.shadow(kept), "the next recording does not know the array");
        } finally {
            t.end();
        }
    }
}
