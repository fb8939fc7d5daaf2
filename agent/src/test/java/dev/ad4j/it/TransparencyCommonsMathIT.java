package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Transparency on a peer's own test suite: commons-math3 3.6.1's published tests (its
 * {@code tests} jar, 6483 JUnit 4 tests) run once in a plain JVM and once with the agent
 * rewriting the whole of {@code org.apache.commons.math3.*}, the library and its tests. Both
 * runs must see the same tests, the same ignored ones and the same failures (a few fail in both
 * on a recent JDK, which is fine). Wall times and the slowdown go to
 * {@code target/transparency-commons-math3.txt}.
 *
 * <p>About 2 minutes plain and 5 to 6 with the agent on 2 cores, so it runs only in the
 * {@code transparency} profile: {@code mvn -B verify -pl core,agent -Ptransparency}.
 */
@EnabledIfSystemProperty(named = "ad4j.transparency", matches = "true")
class TransparencyCommonsMathIT {

    /**
     * Methods the rewriter leaves unchanged (they would outgrow 64 KB; the agent warns and the
     * class keeps its original code). None matters for derivatives: constant tables and a test's
     * list of constraints. Any other warning fails the test.
     */
    static final Set<String> EXPECTED_WARNINGS = Set.of(
            "org.apache.commons.math3.util.FastMathLiteralArrays method <clinit>()V",
            "org.apache.commons.math3.analysis.interpolation.TricubicInterpolatingFunction method <clinit>()V",
            "org.apache.commons.math3.analysis.interpolation.TricubicSplineInterpolatingFunction method <clinit>()V",
            "org.apache.commons.math3.optim.linear.SimplexSolverTest method createMath930Constraints()Ljava/util/List;");

    /** One run of the suite. */
    record Run(List<String> failures, String result, long wallMillis, String stderr) {
        long count(String key) {
            for (String part : result.split(" ")) {
                if (part.startsWith(key + "=")) {
                    return Long.parseLong(part.substring(key.length() + 1));
                }
            }
            throw new AssertionError("no " + key + " in " + result);
        }
    }

    @Test
    void commons_math3_tests_pass_with_the_agent_exactly_as_without_it() throws Exception {
        String testsJar = classPathEntry("commons-math3-3.6.1-tests.jar");
        String classPath = String.join(File.pathSeparator, ForkedJvm.TEST_CLASSES, classPathEntry("commons-math3-3.6.1.jar"),
                testsJar, classPathEntry("junit-4.13.2.jar"), classPathEntry("hamcrest-core-1.3.jar"));
        Run plain = run(List.of(), classPath, testsJar, "plain");
        Run agent = run(List.of(ForkedJvm.agent("includes=org.apache.commons.math3.*")), classPath, testsJar, "agent");

        String summary = String.format("commons-math3 3.6.1 tests: %d run, %d ignored; failures without the agent %s,"
                + " with it %s; wall %.1f s plain, %.1f s with the agent, slowdown %.2fx (JDK %s)",
                plain.count("run"), plain.count("ignored"), plain.failures(), agent.failures(),
                plain.wallMillis() / 1000.0, agent.wallMillis() / 1000.0,
                (double) agent.wallMillis() / plain.wallMillis(), System.getProperty("java.version"));
        System.out.println(summary);
        Files.writeString(Path.of("target", "transparency-commons-math3.txt"), summary + "\n");

        assertTrue(plain.count("run") > 6000, plain.result());
        assertEquals(plain.count("run"), agent.count("run"), "tests run");
        assertEquals(plain.count("ignored"), agent.count("ignored"), "tests ignored");
        assertEquals(plain.failures(), agent.failures(), "failing tests");
        List<String> warnings = agent.stderr().lines().filter(l -> l.startsWith("ad4j: WARNING")).toList();
        Set<String> unexpected = warnings.stream().filter(w -> EXPECTED_WARNINGS.stream().noneMatch(w::contains))
                .collect(Collectors.toSet());
        assertTrue(unexpected.isEmpty(), () -> "unexpected agent warnings: " + unexpected);
    }

    private static Run run(List<String> agent, String classPath, String testsJar, String name) throws Exception {
        Path report = Path.of("target", "transparency-" + name + ".txt").toAbsolutePath();
        Path err = Path.of("target", "transparency-" + name + ".err").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(agent);
        cmd.addAll(List.of("-cp", classPath, "com.example.libs.transparency.JarTestRunner", testsJar, report.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " run did not finish in 30 minutes");
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> name + " run failed:\n" + stderr);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        String result = lines.get(lines.size() - 1);
        return new Run(lines.subList(0, lines.size() - 1), result, wall, stderr);
    }

    private static String classPathEntry(String fileName) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().equals(fileName)) {
                return entry;
            }
        }
        throw new AssertionError(fileName + " is not on the test class path");
    }
}
