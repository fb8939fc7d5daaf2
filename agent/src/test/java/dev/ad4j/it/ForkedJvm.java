package dev.ad4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a fresh JVM the way a user would, with or without {@code -javaagent}, and captures it. */
final class ForkedJvm {

    static final Path AGENT_JAR = Path.of("target", "ad4j-agent.jar").toAbsolutePath();
    static final String TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath().toString();

    /** Exit code and output of a finished JVM. */
    record Result(int exitCode, String out, String err) {
    }

    private ForkedJvm() {
    }

    static Result run(List<String> jvmArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        Path outFile = Files.createTempFile("ad4j-out", ".txt");
        Path errFile = Files.createTempFile("ad4j-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("JVM did not finish: " + cmd);
        }
        Result r = new Result(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
        Files.delete(outFile);
        Files.delete(errFile);
        return r;
    }

    /**
     * Runs {@code mainClass} of the test classpath with the agent and {@code options}, expecting
     * exit code 0.
     */
    static Result runMain(String options, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(agent(options), "-cp", System.getProperty("java.class.path"),
                mainClass));
        all.addAll(List.of(args));
        Result r = run(all);
        if (r.exitCode() != 0) {
            throw new AssertionError("exit code " + r.exitCode() + "; stderr:\n" + r.err());
        }
        return r;
    }

    /** The vector a model main printed on its {@code gradient [a, b, ...]} line. */
    static double[] printedGradient(Result r) {
        String line = r.out().lines().filter(l -> l.startsWith("gradient ")).findFirst().orElseThrow();
        return java.util.Arrays.stream(line.substring("gradient [".length(), line.length() - 1).split(", "))
                .mapToDouble(Double::parseDouble).toArray();
    }

    static String agent(String options) {
        return "-javaagent:" + AGENT_JAR + (options.isEmpty() ? "" : "=" + options);
    }
}
