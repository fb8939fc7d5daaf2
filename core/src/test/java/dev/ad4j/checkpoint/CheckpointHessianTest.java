package dev.ad4j.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.AD;
import dev.ad4j.ADException;
import org.junit.jupiter.api.Test;

/** Second order through a time-stepping loop: exact without checkpointing, a clear error with it. */
class CheckpointHessianTest {
    private static final int N = 4;

    @Test
    void hessian_of_the_plain_loop_matches_differences_of_exact_gradients() {
        double[] x = HeatSteps.point(N);
        int steps = 30;
        double[][] h = AD.hessian(v -> HeatSteps.plain(v, N, steps), x);
        for (int j = 0; j < x.length; j++) {
            double step = 1e-6 * Math.max(1, Math.abs(x[j]));
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += step;
            xm[j] -= step;
            double[] gp = AD.gradient(v -> HeatSteps.plain(v, N, steps), xp);
            double[] gm = AD.gradient(v -> HeatSteps.plain(v, N, steps), xm);
            for (int i = 0; i < x.length; i++) {
                double fd = (gp[i] - gm[i]) / (2 * step);
                assertEquals(fd, h[i][j], 1e-6 * Math.max(1, Math.abs(fd)), "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void hessian_through_a_checkpointed_loop_is_a_clear_error() {
        double[] x = HeatSteps.point(N);
        ADException e = assertThrows(ADException.class, () -> AD.hessian(v -> HeatSteps.checkpointed(v, N, 30, 5), x));
        assertTrue(e.getMessage().contains("hessian through checkpointed loops is not supported"), e.getMessage());
        assertThrows(ADException.class,
                () -> AD.hessianVector(v -> HeatSteps.checkpointed(v, N, 30, 5), x, new double[x.length]));
        // The tape is usable afterwards, and first order through checkpointing still works.
        assertEquals(x.length, AD.gradient(v -> HeatSteps.checkpointed(v, N, 30, 5), x).length);
    }
}
