package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent jar as users start it: the demo, and option errors that stop the JVM at start. */
class CommandLineIT {

    @Test
    void demo_prints_the_survey_traces_and_gradient() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-jar", ForkedJvm.AGENT_JAR.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("11.652"), r.out());
        assertTrue(r.out().contains("5.500"), r.out());
        assertTrue(r.out().contains("1.716"), r.out());
        assertTrue(r.out().contains("v-1"), r.out());
    }

    @Test
    void attaching_to_a_process_that_does_not_exist_says_so() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-jar", ForkedJvm.AGENT_JAR.toString(), "attach", "99999999"));
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("ad4j attach: cannot attach to process 99999999: "), r.err());
        assertTrue(r.err().contains("jps lists them"), r.err());
        assertTrue(!r.err().contains("bytebuddy"), r.err());
    }

    @Test
    void unknown_agent_option_stops_the_jvm_naming_the_option() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of(ForkedJvm.agent("includes=com.example.*,colour=blue"), "-version"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("unknown agent option 'colour'"), r.err());
    }

    @Test
    void malformed_pattern_stops_the_jvm_naming_the_pattern() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of(ForkedJvm.agent("includes=com.acme/*"), "-version"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("malformed pattern 'com.acme/*'"), r.err());
    }

    @Test
    void malformed_tape_budget_stops_the_jvm() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of(ForkedJvm.agent("maxTape=lots"), "-version"));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("malformed size 'lots'"), r.err());
    }

    @Test
    void primal_results_are_bit_identical_with_and_without_the_agent() throws Exception {
        List<String> app = List.of("-cp", ForkedJvm.TEST_CLASSES, "com.example.numeric.PrimalReport");
        ForkedJvm.Result plain = ForkedJvm.run(app);
        List<String> withAgent = new java.util.ArrayList<>();
        withAgent.add(ForkedJvm.agent("includes=com.example.*,strict=true,verbose=true"));
        withAgent.addAll(app);
        ForkedJvm.Result instrumented = ForkedJvm.run(withAgent);
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(0, instrumented.exitCode(), instrumented.err());
        assertTrue(instrumented.err().contains("ad4j: instrumented com.example.numeric.Rosenbrock"), instrumented.err());
        assertTrue(plain.out().lines().count() >= 5, plain.out());
        assertEquals(plain.out(), instrumented.out());
    }

    @Test
    void diagnostics_name_each_place_that_loses_a_derivative_once() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of(ForkedJvm.agent("includes=com.example.*,diagnostics=true"),
                "-cp", ForkedJvm.TEST_CLASSES + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "com.example.numeric.Leaks"));
        assertEquals(0, r.exitCode(), r.err());
        String err = r.err();
        assertTrue(err.contains("derivative lost at com.example.numeric.Leaks.f(Leaks.java:15): array with active"
                + " elements passed to java.util.Arrays.stream([D)"), err);
        assertTrue(err.contains("Leaks.f(Leaks.java:16): active argument passed to java.lang.Double.doubleToRawLongBits"), err);
        assertTrue(err.contains("Leaks.f(Leaks.java:17): active value converted to int"), err);
        assertTrue(err.contains("Leaks.f(Leaks.java:19): active value stored into field java.awt.geom.Point2D$Double.x"), err);
        assertTrue(err.contains("Leaks.lambda$f$0(Leaks.java:21): active value returned to code that is not instrumented"),
                err);
        assertEquals(5, err.lines().filter(l -> l.startsWith("ad4j: derivative lost")).count(), err);
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void class_that_cannot_be_instrumented_runs_unchanged_with_a_warning_and_strict_stops_the_jvm() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "huge-classes").toAbsolutePath();
        java.nio.file.Path file = dir.resolve("com/example/big/Huge.class");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, dev.ad4j.agent.testing.HugeMethodClass.bytes());
        List<String> app = List.of("-cp", dir.toString(), dev.ad4j.agent.testing.HugeMethodClass.NAME);

        List<String> lenient = new java.util.ArrayList<>(List.of(ForkedJvm.agent("includes=com.example.*")));
        lenient.addAll(app);
        ForkedJvm.Result r = ForkedJvm.run(lenient);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("10000.0", r.out().trim());
        assertTrue(r.err().contains("cannot instrument com.example.big.Huge method sum([D)D"), r.err());

        List<String> strict = new java.util.ArrayList<>(List.of(ForkedJvm.agent("includes=com.example.*,strict=true")));
        strict.addAll(app);
        ForkedJvm.Result s = ForkedJvm.run(strict);
        assertNotEquals(0, s.exitCode());
        assertTrue(s.err().contains("strict=true, stopping the JVM"), s.err());
    }

    @Test
    void agent_attached_late_rewrites_classes_loaded_afterwards_and_reports_those_loaded_before() throws Exception {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Djdk.attach.allowAttachSelf=true",
                "-cp", ForkedJvm.TEST_CLASSES + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                "com.example.late.LateAttach", ForkedJvm.AGENT_JAR.toString()));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("late [4.0, 1.0]"), r.out());
        assertTrue(r.out().contains("early NotInstrumentedException"), r.out());
        assertTrue(r.err().contains("were loaded before the agent attached and stay uninstrumented"), r.err());
        assertTrue(r.err().contains("com.example.late.LateAttach$Early"), r.err());
    }
}
