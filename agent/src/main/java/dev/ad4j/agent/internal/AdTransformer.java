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

/**
 * Rewrites the classes the options select as they load. Every failure is reported on standard
 * error with the class name (the JVM would swallow it) and the class stays as it was; in strict
 * mode a failure halts the JVM, so that tests cannot pass on silently uninstrumented code.
 */
public final class AdTransformer implements ClassFileTransformer {

    private final AgentOptions options;
    private final PrintStream err;

    public AdTransformer(AgentOptions options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) {
        if (className == null || loader == null) {
            return null; // hidden/lambda classes and the boot loader's classes are never rewritten
        }
        String name = className.replace('/', '.');
        if (!options.selector().selects(name)) {
            return null;
        }
        try {
            byte[] rewritten = ClassRewriter.forLoader(loader, options.selector()::selects, options.diagnostics()).apply(classFile);
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
