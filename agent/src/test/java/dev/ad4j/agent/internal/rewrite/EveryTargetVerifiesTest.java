package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.agent.testing.Instrumented;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every class the end-to-end tests instrument (the corpus, the library fixtures, the regression
 * targets, ...) passes ASM's CheckClassAdapter once rewritten; the forked JVMs add the JVM's own
 * verifier under strict=true.
 */
class EveryTargetVerifiesTest {

    @Test
    void every_rewritten_test_target_passes_asm_verification() throws IOException {
        Path root = Path.of("target", "test-classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(root.resolve("com/example"))) {
            names = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.startsWith("com.example.fuzz.gen."))
                    .sorted()
                    .collect(Collectors.toList());
        }
        for (String name : names) {
            Instrumented.verify(name);
        }
        assertTrue(names.size() > 150, "found only " + names.size() + " target classes");
    }
}
