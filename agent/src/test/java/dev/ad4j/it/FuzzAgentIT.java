package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.fuzz.BatchRunner;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The differential tester as users run ad4j: one batch of generated programs, compiled once,
 * run in a JVM without the agent and in one with {@code -javaagent:ad4j-agent.jar=...,strict=true}
 * (so the JVM's own verifier checks every rewritten class); raw bits must match and gradients
 * must agree with the plain JVM's finite differences.
 */
class FuzzAgentIT {

    @Test
    void random_programs_under_the_real_agent_match_plain_runs_and_finite_differences() throws Exception {
        long seed = Long.getLong("ad4j.fuzz.seed", 20240917L) + 1;
        int programs = Math.min(2000, Math.max(300, Integer.getInteger("ad4j.fuzz.programs", 300) / 4));
        Path dir = Path.of("target", "fuzz-it", Long.toString(seed)).toAbsolutePath();
        Path list = BatchRunner.prepare(seed, programs, dir);
        // The test class path carries ad4j-core (the agent also puts it on the boot class path).
        String cp = String.join(File.pathSeparator, dir.resolve("classes").toString(), ForkedJvm.TEST_CLASSES,
                System.getProperty("java.class.path"));
        List<String> app = List.of("-cp", cp, BatchRunner.class.getName());

        List<String> plainArgs = new ArrayList<>(app);
        plainArgs.addAll(List.of("plain", list.toString()));
        ForkedJvm.Result plain = ForkedJvm.run(plainArgs);
        List<String> agentArgs = new ArrayList<>();
        agentArgs.add(ForkedJvm.agent("includes=com.example.*,strict=true"));
        agentArgs.addAll(app);
        agentArgs.addAll(List.of("agent", list.toString()));
        ForkedJvm.Result agent = ForkedJvm.run(agentArgs);

        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, agent.exitCode(), agent.err());
        assertEquals(programs, plain.out().lines().count(), plain.out());
        List<String> problems = BatchRunner.compare(plain.out(), agent.out());
        assertTrue(problems.isEmpty(), problems.size() + " of " + programs + " programs disagree (sources in "
                + dir + "):\n" + String.join("\n", problems));
    }
}
