package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * The agent options a user turns to when differentiating a third-party library, each in a JVM
 * forked as users start theirs ({@code com.example.libs.cli.GradientMain}): patterns that would
 * select protected packages, diagnostics naming where a derivative is lost, and a rules file.
 */
class LibraryAgentOptionsIT {

    private static ForkedJvm.Result run(String options, String... model) throws Exception {
        return ForkedJvm.runMain(options, "com.example.libs.cli.GradientMain", model);
    }

    private static double[] gradient(ForkedJvm.Result r) {
        return ForkedJvm.printedGradient(r);
    }

    @Test
    void patterns_selecting_the_jdk_ad4j_or_shaded_packages_are_reported_and_never_applied() throws Exception {
        ForkedJvm.Result r = run("includes=*:java.*:dev.ad4j.*:net.bytebuddy.*,verbose=true", "luDeterminant",
                "3", "1", "0", "0", "1", "3", "1", "0", "0", "1", "3", "1", "0.5", "0", "1", "3");
        for (String sample : List.of("java.lang.Math", "dev.ad4j.internal.runtime.Rt",
                "dev.ad4j.agent.shaded.asm.ClassReader", "net.bytebuddy.agent.ByteBuddyAgent")) {
            assertTrue(r.err().contains("would select " + sample), () -> sample + " not reported:\n" + r.err());
        }
        List<String> rewritten = r.err().lines().filter(l -> l.startsWith("ad4j: instrumented ")).toList();
        assertTrue(rewritten.contains("ad4j: instrumented org.apache.commons.math3.linear.LUDecomposition"),
                () -> "the library was not rewritten:\n" + r.err());
        for (String line : rewritten) {
            String name = line.substring("ad4j: instrumented ".length());
            for (String prefix : List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.ad4j.", "net.bytebuddy.",
                    "org.objectweb.asm.", "org.junit.")) {
                assertFalse(name.startsWith(prefix), "protected class rewritten: " + name);
            }
        }
        assertEquals(16, gradient(r).length);
    }

    @Test
    void patterns_selecting_unshaded_asm_or_junit_are_reported_too() throws Throwable {
        ForkedJvm.Result r = run("includes=com.example.*:org.objectweb.asm.*:org.junit.*", "erfTimes", "0.5", "2");
        assertTrue(r.err().contains("would select org.objectweb.asm."), () -> "no warning:\n" + r.err());
        assertTrue(r.err().contains("would select org.junit."), () -> "no warning:\n" + r.err());
    }

    @Test
    void diagnostics_name_the_library_call_that_loses_the_derivative() throws Exception {
        ForkedJvm.Result r = run("includes=com.example.*,diagnostics=true", "erfTimes", "0.5", "2");
        double[] g = gradient(r);
        assertEquals(0.0, g[0], "erf is not instrumented: its derivative is lost");
        assertEquals(Erf.erf(0.5), g[1], 1e-15);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("report derivative lost at com.example.libs.commonsmath.SpecialFunctions.erfTimes(")
                && l.contains("org.apache.commons.math3.special.Erf.erf")), () -> "no report naming Erf.erf:\n" + r.out());
        assertTrue(r.err().contains("ad4j: derivative lost at com.example.libs.commonsmath.SpecialFunctions.erfTimes("),
                () -> "no report on stderr:\n" + r.err());
    }

    @Test
    void a_rules_file_gives_an_uninstrumented_library_function_its_derivative() throws Exception {
        Path rules = Path.of("target", "test-classes", "libs", "erf.rules").toAbsolutePath();
        ForkedJvm.Result r = run("includes=com.example.*,diagnostics=true,rules=" + rules, "erfTimes", "0.5", "2");
        double[] g = gradient(r);
        assertEquals(2 * 2 / Math.sqrt(Math.PI) * Math.exp(-0.25), g[0], 1e-15);
        assertEquals(Erf.erf(0.5), g[1], 1e-15);
        assertFalse(r.out().contains("report "), () -> "unexpected diagnostics:\n" + r.out());
    }

    @Test
    void the_library_included_by_pattern_differentiates_its_own_erf() throws Exception {
        ForkedJvm.Result r = run("includes=com.example.*:org.apache.commons.math3.*,"
                + "excludes=org.apache.commons.math3.util.FastMathLiteralArrays,strict=true", "normalCdf", "1.3", "0.4", "0.9");
        double[] g = gradient(r);
        double phi = Math.exp(-0.5 * 1.0 * 1.0) / (0.9 * Math.sqrt(2 * Math.PI));
        assertEquals(phi, g[0], 1e-9);
        assertEquals(-phi, g[1], 1e-9);
        assertEquals(-phi, g[2], 1e-9);
    }

    @Test
    void a_library_method_that_grows_past_64k_stays_as_it_was_and_the_rest_of_its_class_is_differentiated()
            throws Exception {
        // EJML's UnrolledDeterminantFromMinor_DDRM.det6 is too large once rewritten; det4 in the
        // same class must still be differentiated (without strict=true, which would stop the JVM).
        double[] a = {4, 1, 2, 0.5, 1, 3, 0.2, 1, 2, 0.1, 5, 1, 0.5, 1, 1, 2};
        String[] args = new String[a.length + 1];
        args[0] = "minorDeterminant";
        for (int i = 0; i < a.length; i++) {
            args[i + 1] = Double.toString(a[i]);
        }
        ForkedJvm.Result r = run("includes=com.example.*:org.ejml.*", args);
        assertTrue(r.err().contains("cannot instrument org.ejml.dense.row.misc.UnrolledDeterminantFromMinor_DDRM"
                + " method det6(Lorg/ejml/data/DMatrix1Row;)D: grows past the JVM's 64 KB method limit"), r.err());
        double[] g = gradient(r);
        // d det(A) / d a_ij = det(A) (A^-1)_ji, from the cofactors by a plain 4 x 4 computation.
        double[] expected = com.example.libs.cli.Cofactors.of4x4(a);
        for (int k = 0; k < 16; k++) {
            assertEquals(expected[k], g[k], 1e-11 * Math.max(1, Math.abs(expected[k])), "component " + k);
        }
    }
}
