package com.example.ckpt;

import dev.ad4j.AD;
import dev.ad4j.Checkpointing;
import dev.ad4j.TapeStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Entry point for forked-JVM runs: {@code checkpointed STEPS SNAPSHOTS [fd]}, {@code plain STEPS}.
 * Prints {@code key=value} lines for the tests (and the docs' measurements) to parse.
 */
public final class CheckpointMain {
    private CheckpointMain() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        int steps = Integer.parseInt(args[1]);
        double[] x = ReactionDiffusion.point(32);
        long t0 = System.nanoTime();
        try {
            double[] g;
            if (mode.equals("plain")) {
                g = AD.gradient(v -> ReactionDiffusion.plain(v, steps), x);
            } else {
                int snapshots = Integer.parseInt(args[2]);
                g = AD.gradient(v -> ReactionDiffusion.checkpointed(v, steps, snapshots), x);
                Checkpointing.LoopStats st = Checkpointing.lastLoopStats();
                System.out.println("advances=" + st.advances());
                System.out.println("optimal=" + st.optimalAdvances());
                System.out.println("taped=" + st.tapedSteps());
                System.out.println("output=" + st.outputSteps());
                System.out.println("snapshotsHeld=" + st.snapshotsHeld());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            TapeStats ts = AD.lastTapeStats();
            System.out.println("gradientMillis=" + ms);
            System.out.println("tapePeakBytes=" + ts.peakBytes());
            System.out.println("heapPeakBytes=" + heapPeak());
            System.out.println("gradient=" + join(g));
            if (args.length > 3 && args[3].equals("fd")) {
                finiteDifferences(x, g, steps);
            }
        } catch (RuntimeException e) {
            System.out.println("failedAfterMillis=" + (System.nanoTime() - t0) / 1_000_000);
            System.out.println("exception=" + e.getClass().getName());
            System.out.println("message=" + e.getMessage());
        }
        long t1 = System.nanoTime();
        ReactionDiffusion.plain(x, steps);
        System.out.println("primalMillis=" + (System.nanoTime() - t1) / 1_000_000);
    }

    /** Central differences along three fixed directions against the directional derivative g.d. */
    private static void finiteDifferences(double[] x, double[] g, int steps) {
        for (int dir = 0; dir < 3; dir++) {
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = Math.sin(1.7 * i + dir) / Math.sqrt(x.length);
            }
            double h = 1e-6;
            double[] xp = x.clone();
            double[] xm = x.clone();
            double ad = 0;
            for (int i = 0; i < x.length; i++) {
                xp[i] += h * d[i];
                xm[i] -= h * d[i];
                ad += g[i] * d[i];
            }
            double fd = (ReactionDiffusion.plain(xp, steps) - ReactionDiffusion.plain(xm, steps)) / (2 * h);
            System.out.println("direction" + dir + "=" + ad + "," + fd);
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String join(double[] g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length; i++) {
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", g[i]));
        }
        return sb.toString();
    }
}
