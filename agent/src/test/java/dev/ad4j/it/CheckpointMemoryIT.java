package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.Checkpointing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The acceptance runs of binomial checkpointing, each in a JVM of its own with a 256 MB heap:
 * a 200,000-step explicit reaction-diffusion loop over 32 cells with 3 parameters
 * ({@code com.example.ckpt.CheckpointMain}).
 */
class CheckpointMemoryIT {
    private static final int STEPS = 200_000;
    private static final int SNAPSHOTS = 100;

    private static Map<String, String> run(String agentOptions, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("-Xmx256m", ForkedJvm.agent(agentOptions),
                "-cp", ForkedJvm.TEST_CLASSES, "com.example.ckpt.CheckpointMain"));
        cmd.addAll(List.of(args));
        ForkedJvm.Result r = ForkedJvm.run(cmd);
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        Map<String, String> out = new HashMap<>();
        for (String line : r.out().split("\\R")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    @Test
    void two_hundred_thousand_steps_differentiate_in_256_mb_and_match_finite_differences() throws Exception {
        Map<String, String> out = run("includes=com.example.*,strict=true",
                "checkpointed", "" + STEPS, "" + SNAPSHOTS, "fd");
        assertEquals(null, out.get("exception"), out.get("message"));
        // Revolve's optimum: r = 4 repetitions, 4 * 200000 - C(104, 3) = 617896 untaped steps.
        assertEquals(Checkpointing.optimalAdvances(STEPS, SNAPSHOTS), Long.parseLong(out.get("advances")));
        assertEquals(617_896L, Long.parseLong(out.get("advances")));
        assertEquals(STEPS, Long.parseLong(out.get("taped")));
        assertTrue(Integer.parseInt(out.get("snapshotsHeld")) <= SNAPSHOTS);
        assertTrue(Long.parseLong(out.get("tapePeakBytes")) < 1 << 20, out.get("tapePeakBytes"));
        for (int dir = 0; dir < 3; dir++) {
            String[] pair = out.get("direction" + dir).split(",");
            double ad = Double.parseDouble(pair[0]);
            double fd = Double.parseDouble(pair[1]);
            assertEquals(fd, ad, 1e-6 * Math.abs(fd), "direction " + dir);
            assertTrue(Math.abs(ad) > 1e-3, "direction " + dir + " is not trivially zero");
        }
    }

    @Test
    void the_same_loop_without_checkpointing_fails_fast_under_maxTape_64m() throws Exception {
        Map<String, String> out = run("includes=com.example.*,strict=true,maxTape=64m", "plain", "" + STEPS);
        assertEquals("dev.ad4j.TapeBudgetExceededException", out.get("exception"));
        String message = out.get("message");
        assertTrue(message.contains("budget is 67108864 bytes (64.0 MiB)"), message);
        assertTrue(message.matches(".*tape had reached \\d+ bytes.*"), message);
        assertTrue(message.contains("dev.ad4j.Checkpointing"), message);
        // Fails when the tape reaches the budget, after a few thousand of the 200,000 steps.
        assertTrue(Long.parseLong(out.get("failedAfterMillis")) < 15_000, out.get("failedAfterMillis"));
    }
}
