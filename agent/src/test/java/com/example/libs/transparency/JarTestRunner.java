package com.example.libs.transparency;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

/**
 * Runs a library's published JUnit 4 tests the way its build does, from its tests jar: every
 * class named {@code *Test}, {@code *TestBinary} or {@code *TestPermutations} (commons-math3's
 * surefire includes), except {@code *AbstractTest} and abstract classes. Forked by
 * {@code TransparencyIT} once without the agent and once with it.
 *
 * <p>Usage: {@code JarTestRunner <tests.jar> <report file>}. The report lists one line per
 * failed test ({@code FAIL class#method: exception}) and ends with a
 * {@code RESULT run=N failures=N ignored=N classes=N millis=N} line. Standard output and error
 * of the tests themselves go to {@code <report file>.log}, so that noisy tests cannot fill a pipe.
 */
public final class JarTestRunner {

    private JarTestRunner() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path report = Path.of(args[1]);
        List<Class<?>> classes = testClasses(jar);
        PrintStream out = System.out;
        PrintStream log = new PrintStream(Files.newOutputStream(Path.of(args[1] + ".log")), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        List<String> lines = new ArrayList<>();
        int run = 0;
        int failures = 0;
        int ignored = 0;
        long start = System.nanoTime();
        JUnitCore core = new JUnitCore();
        for (Class<?> c : classes) {
            Result r = core.run(Request.aClass(c));
            run += r.getRunCount();
            failures += r.getFailureCount();
            ignored += r.getIgnoreCount();
            for (Failure f : r.getFailures()) {
                Throwable t = f.getException();
                lines.add("FAIL " + c.getName() + "#" + f.getDescription().getMethodName() + ": "
                        + (t == null ? "?" : t.getClass().getName()));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Collections.sort(lines);
        lines.add("RESULT run=" + run + " failures=" + failures + " ignored=" + ignored + " classes=" + classes.size()
                + " millis=" + millis);
        Files.write(report, lines, StandardCharsets.UTF_8);
        out.println(lines.get(lines.size() - 1));
        out.flush();
        // Some library tests start non-daemon threads; the report is written, so end here.
        System.exit(0);
    }

    /** The concrete test classes of the jar, in name order. */
    static List<Class<?>> testClasses(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = jf.entries(); e.hasMoreElements();) {
                String n = e.nextElement().getName();
                if (!n.endsWith(".class") || n.contains("$")) {
                    continue;
                }
                String simple = n.substring(n.lastIndexOf('/') + 1, n.length() - ".class".length());
                boolean included = simple.endsWith("Test") || simple.endsWith("TestBinary")
                        || simple.endsWith("TestPermutations");
                if (included && !simple.endsWith("AbstractTest")) {
                    names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        Collections.sort(names);
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            try {
                Class<?> c = Class.forName(n, false, JarTestRunner.class.getClassLoader());
                if (!Modifier.isAbstract(c.getModifiers()) && !c.isInterface() && Modifier.isPublic(c.getModifiers())) {
                    classes.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load test class " + n, e);
            }
        }
        return classes;
    }
}
