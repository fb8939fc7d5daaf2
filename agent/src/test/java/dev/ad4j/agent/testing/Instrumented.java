package dev.ad4j.agent.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.InstrumentingClassLoader;
import dev.ad4j.agent.internal.rewrite.ClassRewriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.TraceClassVisitor;

/**
 * Loads test targets through ad4j's rewriting in-process, after checking every rewritten class
 * with ASM's verifier; dumps the rewritten bytecode as text into {@code target/rewritten/}.
 */
public final class Instrumented {

    private static final InstrumentingClassLoader LOADER = new InstrumentingClassLoader(
            new URL[0], Instrumented::isTarget, Instrumented.class.getClassLoader());

    private Instrumented() {
    }

    private static final java.util.Set<String> VERIFIED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static boolean isTarget(String name) {
        if (!name.startsWith("com.example.")) {
            return false;
        }
        if (VERIFIED.add(name)) {
            verify(name);
        }
        return true;
    }

    /** @return the rewritten class, loaded */
    public static Class<?> load(Class<?> target) {
        try {
            return LOADER.loadClass(target.getName());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** @return a static {@code double m(double[])} of the rewritten class as a function */
    public static ScalarFunction scalar(Class<?> target, String method) {
        return dev.ad4j.agent.internal.cli.StaticFunctions.scalar(load(target), method);
    }

    /** Runs ASM's CheckClassAdapter (with data-flow verification) on the rewritten class. */
    public static void verify(String name) {
        byte[] original = bytes(name);
        byte[] rewritten = ClassRewriter.rewrite(original);
        if (rewritten == null) {
            return;
        }
        StringWriter text = new StringWriter();
        new ClassReader(rewritten).accept(new TraceClassVisitor(new PrintWriter(text)), 0);
        try {
            Path dump = Path.of("target", "rewritten", name + ".txt");
            Files.createDirectories(dump.getParent());
            Files.writeString(dump, text.toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(rewritten), Instrumented.class.getClassLoader(), false,
                new PrintWriter(problems));
        if (!problems.toString().isEmpty()) {
            fail("rewritten " + name + " fails verification:\n" + problems);
        }
    }

    static byte[] bytes(String name) {
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = Instrumented.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("no class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
