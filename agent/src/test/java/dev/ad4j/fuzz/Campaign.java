package dev.ad4j.fuzz;

import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Instrumented;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An in-process fuzzing run: generates programs, compiles them in batches into the test class
 * directory (so that the shared {@link Instrumented} loader finds, rewrites and verifies them
 * with ASM's CheckClassAdapter), runs each plain and rewritten through the {@link Oracle}, and
 * minimises every failure.
 */
final class Campaign {

    static final String PACKAGE = "com.example.fuzz.gen";
    /** On the test class path, which is where {@link Instrumented} reads class files from. */
    static final Path CLASSES = Path.of("target", "test-classes");
    private static final int BATCH = 50;
    private static final AtomicInteger CLASS_IDS = new AtomicInteger();

    /** A failing program, as generated and as minimised. */
    record Failure(Program program, Oracle.Verdict verdict, Program minimal, Oracle.Verdict minimalVerdict) {
        String describe() {
            return verdict.kind() + ": " + verdict.detail() + "\n  minimal program at "
                    + java.util.Arrays.toString(minimal.point()) + " (" + minimalVerdict.detail() + "):\n"
                    + Node.indent(minimal.source(), 1) + "  original:\n" + Node.indent(program.source(), 1);
        }
    }

    /** Counts and failures of a run. */
    record Report(int programs, int ok, Map<String, Integer> skipped, List<Failure> failures, long millis) {
        int skippedTotal() {
            return skipped.values().stream().mapToInt(Integer::intValue).sum();
        }

        String summary() {
            return programs + " programs in " + millis + " ms: " + ok + " ok, " + skippedTotal() + " skipped "
                    + skipped + ", " + failures.size() + " failing";
        }
    }

    private Campaign() {
    }

    /** Deletes the classes of earlier runs. */
    static void clean() {
        Path dir = CLASSES.resolve(PACKAGE.replace('.', '/'));
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report run(long seed, int count, Set<Feature> features) {
        long start = System.nanoTime();
        Generator generator = new Generator(seed, features);
        int ok = 0;
        Map<String, Integer> skipped = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        for (int first = 0; first < count; first += BATCH) {
            List<Program> batch = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + BATCH); i++) {
                batch.add(generator.generate("p" + i + "_"));
            }
            Loaded loaded = compileAndLoad(batch);
            for (Program p : batch) {
                Oracle.Verdict v = loaded.failure != null ? evaluateAlone(p) : evaluate(p, loaded);
                switch (v.outcome()) {
                    case OK -> ok++;
                    case SKIPPED -> skipped.merge(v.kind(), 1, Integer::sum);
                    case MISMATCH -> failures.add(minimise(p, v));
                }
            }
        }
        return new Report(count, ok, skipped, failures, (System.nanoTime() - start) / 1_000_000);
    }

    /** Plain and rewritten classes of a batch, or why they could not be had. */
    private record Loaded(Class<?> plain, Class<?> rewritten, Oracle.Verdict failure) {
    }

    private static Loaded compileAndLoad(List<Program> programs) {
        String name = PACKAGE + ".F" + CLASS_IDS.incrementAndGet();
        String source = Program.classSource(PACKAGE, name.substring(PACKAGE.length() + 1), programs);
        String errors = SourceCompiler.compile(Map.of(name, source), CLASSES);
        if (errors != null) {
            return new Loaded(null, null, Oracle.Verdict.skip("does not compile", errors));
        }
        Class<?> plain;
        try {
            plain = Class.forName(name, true, Instrumented.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Loaded(null, null, Oracle.Verdict.skip("plain class does not load", e.toString()));
        }
        try {
            return new Loaded(plain, Instrumented.load(plain), null);
        } catch (RuntimeException | Error e) {
            // Verification and rewriting failures surface here, named by the loader.
            return new Loaded(plain, null, Oracle.Verdict.mismatch("load", "rewritten class does not load: " + e));
        }
    }

    private static Oracle.Verdict evaluate(Program p, Loaded loaded) {
        return Oracle.check(function(loaded.plain, p.entry()), function(loaded.rewritten, p.entry()), p.point());
    }

    /** Compiles and checks one program in a class of its own (to find the culprit of a batch). */
    static Oracle.Verdict evaluateAlone(Program p) {
        Loaded loaded = compileAndLoad(List.of(p));
        return loaded.failure != null ? loaded.failure : evaluate(p, loaded);
    }

    private static Failure minimise(Program p, Oracle.Verdict v) {
        Program minimal = Minimizer.minimise(p, candidate -> {
            Oracle.Verdict cv = evaluateAlone(candidate);
            return cv.outcome() == Oracle.Outcome.MISMATCH && cv.kind().equals(v.kind());
        });
        return new Failure(p, v, minimal, evaluateAlone(minimal));
    }

    static ScalarFunction function(Class<?> c, String method) {
        return dev.ad4j.agent.internal.cli.StaticFunctions.scalar(c, method);
    }
}
