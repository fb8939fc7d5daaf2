package dev.ad4j.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts ad4j's runtime (the core jar embedded in the agent jar) on the boot class path, so that
 * rewritten classes resolve one and the same runtime from every class loader — child-first and
 * isolated loaders included — and the application's calls to {@code dev.ad4j.AD} reach it too.
 * There the JIT also honours the {@code ForceInline} the build gave its hottest helpers
 * ({@link ForceInlineMarks}).
 * Must run before any core class is loaded.
 */
public final class RuntimeOnBootPath {

    static final String RESOURCE = "/META-INF/ad4j/ad4j-runtime.jar";

    private RuntimeOnBootPath() {
    }

    /** @return false if the agent runs without the embedded runtime (from a classes directory) */
    public static boolean install(Instrumentation inst) throws IOException {
        try (InputStream in = RuntimeOnBootPath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            Path jar = Files.createTempFile("ad4j-runtime", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            inst.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            return true;
        }
    }
}
