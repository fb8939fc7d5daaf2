package dev.ad4j.agent.internal;

import dev.ad4j.agent.internal.options.AgentOptions;
import dev.ad4j.agent.internal.rewrite.ClassRewriter;
import dev.ad4j.agent.internal.rewrite.InstrumentationFailure;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the classes the options select as they load. Every failure is reported on standard
 * error with the class name (the JVM would swallow it) and the class stays as it was; in strict
 * mode a failure halts the JVM, so that tests cannot pass on silently uninstrumented code.
 */
public final class AdTransformer implements ClassFileTransformer {

    private final AgentOptions options;
    private final Set<String> preloaded;
    private final PrintStream err;
    private volatile boolean notedInterpreted;

    /**
     * @param preloaded classes loaded before the agent attached: they are never rewritten, so
     *     their double fields have no companion
     */
    public AdTransformer(AgentOptions options, Set<String> preloaded, PrintStream err) {
        this.options = options;
        this.preloaded = preloaded;
        this.err = err;
    }

    private boolean rewritten(String dottedName) {
        return options.selector().selects(dottedName) && !preloaded.contains(dottedName);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || loader == null || redefined != null) {
            // Hidden/lambda classes and the boot loader's classes are never rewritten, nor are
            // redefinitions (they cannot add the companion fields).
            return null;
        }
        String name = className.replace('/', '.');
        if (!rewritten(name)) {
            return null;
        }
        try {
            ClassRewriter rewriter = ClassRewriter.forLoader(loader, this::rewritten, options.diagnostics());
            byte[] rewritten = rewriter.apply(classFile);
            noteInterpreted(rewriter.overCompileLimit());
            if (rewritten != null) {
                if (options.verbose()) {
                    err.println("ad4j: instrumented " + name);
                }
                dump(className, rewritten);
            }
            return rewritten;
        } catch (InstrumentationFailure e) {
            fail(e.getMessage() + " (methods left unchanged; derivatives through them are lost)");
            return e.fallback();
        } catch (Throwable t) {
            fail("cannot instrument " + name + ": " + t + " (class left unchanged; derivatives through it are lost)");
            return null;
        }
    }

    /**
     * Says, once (each time with verbose=true), that a recording body is too long for the JIT:
     * recording through it runs interpreted, several times slower, which nothing else would show.
     */
    private void noteInterpreted(List<String> methods) {
        for (String m : methods) {
            if ((options.verbose() || !notedInterpreted) && JitLimits.hugeMethodsStayInterpreted()) {
                notedInterpreted = true;
                err.println("ad4j: NOTE " + m + ": the rewritten body is over the JIT's " + ClassRewriter.HUGE_METHOD_LIMIT
                        + "-byte limit, so recording through it runs interpreted (about 10x slower); run with"
                        + " -XX:-DontCompileHugeMethods to compile it" + (options.verbose() ? "" : " (verbose=true lists every such method)"));
            }
        }
    }

    private void fail(String message) {
        err.println("ad4j: WARNING " + message);
        if (options.strict()) {
            err.println("ad4j: strict=true, stopping the JVM");
            err.flush();
            Runtime.getRuntime().halt(3);
        }
    }

    private void dump(String className, byte[] bytes) throws IOException {
        if (options.dump() != null) {
            Path file = Path.of(options.dump(), className + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
    }
}
