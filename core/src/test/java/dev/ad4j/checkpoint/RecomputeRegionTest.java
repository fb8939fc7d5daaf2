package dev.ad4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.AD;
import dev.ad4j.Checkpointing;
import dev.ad4j.TapeStats;
import dev.ad4j.ValueAndGradient;
import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import org.junit.jupiter.api.Test;

class RecomputeRegionTest {
    private static final int N = 6;

    /** 200 steps as one function of the state (reads the captured parameters). */
    private static double[] block(double[] u, double[] p) {
        for (int i = 0; i < 200; i++) {
            HeatSteps.step(u, p);
        }
        return u;
    }

    private static double plain(double[] x) {
        double[] u = HeatSteps.head(x, N);
        double[] p = HeatSteps.tail(x, N);
        for (int b = 0; b < 5; b++) {
            u = block(u, p);
        }
        return HeatSteps.loss(u);
    }

    private static double regions(double[] x) {
        double[] u = HeatSteps.head(x, N);
        double[] p = HeatSteps.tail(x, N);
        for (int b = 0; b < 5; b++) {
            u = Checkpointing.recompute((double[] v) -> block(v, p), u);
        }
        return HeatSteps.loss(u);
    }

    /** The loss itself as a scalar region; the caller reads its index from the return register. */
    private static double scalarRegion(double[] x) {
        Tape t = Rt.enter();
        double[] u = HeatSteps.head(x, N);
        double[] p = HeatSteps.tail(x, N);
        double y = Checkpointing.recompute((double[] v) -> HeatSteps.loss(block(v, p)), u);
        int iy = Rt.result(t, y);
        double z = 3 * y;
        int iz = Rt.dmul(t, 0, iy, 3, y, z);
        Rt.ret(t, iz, z);
        return z;
    }

    @Test
    void recomputed_regions_give_the_plain_gradient_with_a_smaller_tape() {
        double[] x = HeatSteps.point(N);
        ValueAndGradient plain = AD.valueAndGradient(RecomputeRegionTest::plain, x);
        TapeStats plainStats = AD.lastTapeStats();
        ValueAndGradient reg = AD.valueAndGradient(RecomputeRegionTest::regions, x);
        TapeStats regStats = AD.lastTapeStats();
        assertEquals(plain.value(), reg.value(), 0);
        CheckpointingTest.assertRel(plain.gradient(), reg.gradient(), 1e-12);
        assertTrue(regStats.statements() < 100, regStats.toString());
        assertTrue(regStats.peakBytes() < plainStats.peakBytes() / 2, regStats + " vs " + plainStats);
    }

    @Test
    void scalar_region_passes_its_index_through_the_return_register() {
        double[] x = HeatSteps.point(N);
        double[] g = AD.gradient(RecomputeRegionTest::scalarRegion, x);
        double[] expected = AD.gradient(v -> {
            double[] u = HeatSteps.head(v, N);
            double[] p = HeatSteps.tail(v, N);
            return HeatSteps.loss(block(u, p));
        }, x);
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= 3;
        }
        CheckpointingTest.assertRel(expected, g, 1e-12);
    }

    @Test
    void regions_support_forward_mode() {
        double[] x = HeatSteps.point(N);
        dev.ad4j.VectorFunction plain = v -> block(HeatSteps.head(v, N), HeatSteps.tail(v, N));
        dev.ad4j.VectorFunction reg = v -> {
            double[] p = HeatSteps.tail(v, N);
            return Checkpointing.recompute((double[] w) -> block(w, p), HeatSteps.head(v, N));
        };
        double[] xdot = new double[N + 3];
        xdot[1] = 1;
        xdot[N] = 2;
        CheckpointingTest.assertRel(AD.jvp(plain, x, xdot), AD.jvp(reg, x, xdot), 1e-12);
    }
}
