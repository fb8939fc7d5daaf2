package com.example.ckpt;

import dev.ad4j.AD;
import dev.ad4j.Checkpointing;
import java.util.Locale;

/**
 * Measures memory and time of one gradient against the number of snapshots (the data behind
 * the plot in docs/checkpointing.md). Run with the agent:
 * <pre>
 * java -Xmx2g -javaagent:agent/target/ad4j-agent.jar=includes=com.example.* \
 *      -cp agent/target/test-classes com.example.ckpt.SnapshotSweep 20000 &gt; docs/checkpointing-data.csv
 * </pre>
 * Prints CSV: snapshots (0 = plain tape), tape peak bytes, snapshot bytes, untaped step
 * executions, best-of-three gradient milliseconds, primal milliseconds.
 */
public final class SnapshotSweep {
    private SnapshotSweep() {
    }

    public static void main(String[] args) {
        int steps = Integer.parseInt(args[0]);
        double[] x = ReactionDiffusion.point(32);
        int[] counts = {2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 256, 512, 1024, 4096, steps, 0};
        long primal = best(() -> ReactionDiffusion.plain(x, steps));
        System.out.println("snapshots,tapePeakBytes,snapshotBytes,advances,gradientMillis,primalMillis");
        for (int c : counts) {
            long ms = best(() -> {
                if (c == 0) {
                    AD.gradient(v -> ReactionDiffusion.plain(v, steps), x);
                } else {
                    AD.gradient(v -> ReactionDiffusion.checkpointed(v, steps, c), x);
                }
            });
            long tape = AD.lastTapeStats().peakBytes();
            Checkpointing.LoopStats st = c == 0 ? null : Checkpointing.lastLoopStats();
            System.out.println(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d", c, tape,
                    st == null ? 0 : st.snapshotBytes(), st == null ? 0 : st.advances(), ms, primal));
        }
    }

    private static long best(Runnable r) {
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }
}
