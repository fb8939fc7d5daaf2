package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code diagnostics=true} and the rules say about a user's program, each in a JVM forked
 * as users start theirs ({@code com.example.diag.DiagMain}): no report where nothing is lost,
 * a report where something is, and a warning for a rule that cannot apply.
 */
class DiagnosticsIT {

    private static ForkedJvm.Result run(String options, String... model) throws Exception {
        return ForkedJvm.runMain(options, "com.example.diag.DiagMain", model);
    }

    private static double[] gradient(ForkedJvm.Result r) {
        return ForkedJvm.printedGradient(r);
    }

    private static List<String> reports(ForkedJvm.Result r) {
        return r.out().lines().filter(l -> l.startsWith("report ")).toList();
    }

    private static List<String> adLines(ForkedJvm.Result r) {
        return r.err().lines().filter(l -> l.startsWith("ad4j: ")).toList();
    }

    @Test
    void arrays_passed_after_doubles_to_instrumented_methods_and_constructors_are_not_reported() throws Exception {
        // Static (D[D)D, constructor (D[D)V, instance (DD[D)D and a record's canonical constructor:
        // every callee is instrumented, so nothing is lost and nothing may be reported.
        ForkedJvm.Result r = run("includes=com.example.*,diagnostics=true,strict=true", "doubleThenArray", "2", "3");
        assertArrayEquals(new double[] {12, 9}, gradient(r), 1e-12);
        assertEquals(List.of(), reports(r));
        assertEquals(List.of(), adLines(r));
    }

    @Test
    void a_rule_naming_an_instance_method_is_reported_and_ignored() throws Exception {
        Path rules = Path.of("target", "test-classes", "diag", "instance.rules").toAbsolutePath();
        ForkedJvm.Result r = run("includes=com.example.*,diagnostics=true,rules=" + rules, "instanceRule", "2", "5");
        // Not differentiated like sin (cos 2 = -0.42): the method is traced as any other.
        assertArrayEquals(new double[] {3, 10}, gradient(r), 1e-12);
        assertEquals(List.of("ad4j: WARNING the derivative rule of com.example.diag.Scaler.apply(D)D is ignored:"
                + " apply is an instance method, and rules apply to static methods only"), adLines(r));
        assertEquals(List.of(), reports(r));
    }

    @Test
    void doubles_passed_to_jdk_comparisons_and_tests_are_not_reported() throws Exception {
        ForkedJvm.Result r = run("includes=com.example.*,diagnostics=true", "discreteJdk", "2", "3");
        assertArrayEquals(new double[] {3, 3}, gradient(r), 1e-12);
        assertEquals(List.of(), reports(r));
    }

    @Test
    void an_active_array_passed_to_an_excluded_class_is_reported() throws Exception {
        ForkedJvm.Result r = run("includes=com.example.*,excludes=com.example.diag.lib.*,diagnostics=true",
                "arrayToExcluded", "2", "3");
        assertArrayEquals(new double[] {1, 0}, gradient(r), 0, "sumSq is not instrumented: its derivative is lost");
        String expected = "derivative lost at com.example.diag.DiagMain.arrayToExcluded(DiagMain.java:";
        String callee = "array with active elements passed to com.example.diag.lib.Lib.sumSq([D)D, which is not instrumented";
        assertTrue(reports(r).stream().anyMatch(l -> l.startsWith("report " + expected) && l.endsWith(callee)),
                () -> "no report naming Lib.sumSq:\n" + r.out());
        assertTrue(adLines(r).stream().anyMatch(l -> l.startsWith("ad4j: " + expected) && l.endsWith(callee)),
                () -> "no report on stderr:\n" + r.err());
    }
}
