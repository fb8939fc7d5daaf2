package dev.ad4j.fuzz;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources in-process with javax.tools into a class directory. */
final class SourceCompiler {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private SourceCompiler() {
    }

    /**
     * @param sources source text by fully qualified class name
     * @param out the class output directory
     * @return null on success, else javac's diagnostics
     */
    static String compile(Map<String, String> sources, Path out) {
        if (JAVAC == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK");
        }
        List<JavaFileObject> units = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey().replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return e.getValue();
                }
            });
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = JAVAC.getStandardFileManager(null, null, null)) {
            // --release 17 matches the project's bytecode level; -g keeps line numbers for reports.
            List<String> options = List.of("-d", out.toString(), "--release", "17", "-g", "-nowarn", "-proc:none");
            boolean ok = JAVAC.getTask(diagnostics, files, null, options, null, units).call();
            return ok ? null : diagnostics.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
