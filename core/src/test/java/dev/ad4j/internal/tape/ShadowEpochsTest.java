package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ad4j.internal.runtime.Rt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shadow caches of rewritten loops (Rt.shadowAt: array, shadow, epoch) stay right: a found
 * shadow until shadows change or go, "no shadow" until some array gets its first one. A new
 * shadow for one array leaves the shadows other loops found valid, so a loop whose output
 * array gets its shadow on its first store does not look up its other arrays again.
 */
class ShadowEpochsTest {

    private final Tape t = Tape.forCurrentThread();

    @BeforeEach
    void begin() {
        t.begin();
    }

    @AfterEach
    void end() {
        t.end();
    }

    @Test
    void a_first_shadow_keeps_found_shadows_valid_and_makes_found_nones_stale() {
        double[] a = {1, 2, 3};
        double[] b = {4, 5, 6};
        int[] sa = {0, 0, 0};
        t.setShadow(a, sa);
        int foundA = Rt.shadowEpoch(t, sa);
        assertNull(Rt.shadowAt(t, b, null, null, 0), "b has no shadow yet");
        int foundNoneB = Rt.shadowEpoch(t, null);

        int[] sb = t.shadowForWrite(b); // b's first store of an active value
        sb[1] = 7;

        assertEquals(foundA, Rt.shadowEpoch(t, sa), "a's shadow did not change");
        assertSame(sa, Rt.shadowAt(t, a, a, sa, foundA));
        assertNotEquals(foundNoneB, Rt.shadowEpoch(t, null), "'b has none' is stale");
        assertSame(sb, Rt.shadowAt(t, b, b, null, foundNoneB));
        assertSame(sb, t.shadow(b), "the read cache, which said none for b, follows");
    }

    @Test
    void a_replaced_shadow_makes_every_found_shadow_stale() {
        double[] a = {1, 2};
        int[] first = {0, 0};
        t.setShadow(a, first);
        int found = Rt.shadowEpoch(t, first);
        int[] second = {0, 0};
        t.setShadow(a, second);
        assertNotEquals(found, Rt.shadowEpoch(t, first));
        assertSame(second, Rt.shadowAt(t, a, a, first, found));
    }

    @Test
    void a_write_inside_a_local_region_copies_the_shadow_and_makes_found_shadows_stale() {
        double[] a = {1, 2};
        int[] outer = {3, 4};
        t.setShadow(a, outer);
        int mark = t.openLocal();
        int found = Rt.shadowEpoch(t, outer);
        assertSame(outer, Rt.shadowAt(t, a, a, outer, found), "reads fall back to the enclosing shadow");
        int[] copy = t.shadowForWrite(a);
        assertArrayEquals(outer, copy);
        assertNotEquals(found, Rt.shadowEpoch(t, outer), "the region's copy replaces what loops found");
        assertSame(copy, Rt.shadowAt(t, a, a, outer, found));
        t.closeLocal(mark);
    }

    @Test
    void not_recording_every_cache_holds_no_shadow_at_epoch_0() {
        assertEquals(0, Rt.shadowEpoch(null, null));
        assertNull(Rt.shadowAt(null, new double[1], null, null, 0));
    }
}
