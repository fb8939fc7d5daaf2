package dev.ad4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The randomized differential tester, in-process: a fixed seed and 1,000 programs by default.
 * {@code -Dad4j.fuzz.programs=20000 -Dad4j.fuzz.seed=7 -Dad4j.fuzz.features=+lambdas} (or the
 * Maven profile {@code fuzz}) runs longer or with more features. Failures are minimised, printed
 * and written to {@code target/fuzz/failures.txt}.
 */
class DifferentialFuzzTest {

    @Test
    void random_programs_compute_identical_primals_and_gradients_that_match_finite_differences() throws IOException {
        long seed = Long.getLong("ad4j.fuzz.seed", 20240917L);
        int programs = Integer.getInteger("ad4j.fuzz.programs", 1000);
        Set<Feature> features = Feature.parse(System.getProperty("ad4j.fuzz.features"));
        Campaign.clean();
        Campaign.Report report = Campaign.run(seed, programs, features);
        StringBuilder text = new StringBuilder("seed " + seed + ", features " + features + "\n" + report.summary() + "\n");
        for (Campaign.Failure f : report.failures()) {
            text.append("\n").append(f.describe());
        }
        System.out.println("ad4j fuzz: " + text);
        Path out = Path.of("target", "fuzz", "failures.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        assertEquals(0, report.failures().size(), text.toString());
        assertEquals(0, report.skipped().getOrDefault("does not compile", 0), "generator bug:\n" + text);
        // Too many skips would hollow the test out: most programs must be smooth at their point.
        assertTrue(report.ok() >= 0.8 * programs, text.toString());
    }
}
