package dev.ad4j.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.cli.VectorFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grad} in-process on the compiled fixtures of {@code com.example.cli} (target/test-classes). */
class GradCommandTest {

    static final String CP = Path.of("target", "test-classes").toAbsolutePath().toString();
    static final String SURVEY = "com.example.cli.SurveyFixture";
    static final String VECTOR = "com.example.cli.VectorFixture";

    record Run(int code, String out, String err) {
    }

    static Run grad(String... args) {
        List<String> all = new ArrayList<>(List.of("--cp", CP));
        all.addAll(Arrays.asList(args));
        return run(new GradCommand(), all.toArray(new String[0]));
    }

    static Run run(Command c, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The rows printed under "jacobian m x n", parsed back (Double.toString round-trips). */
    static double[][] printedJacobian(String out) {
        List<String> lines = out.lines().toList();
        int at = 0;
        while (!lines.get(at).startsWith("jacobian")) {
            at++;
        }
        int m = Integer.parseInt(lines.get(at).split("\\s+")[1]);
        double[][] j = new double[m][];
        for (int i = 0; i < m; i++) {
            String row = lines.get(at + 1 + i).trim();
            j[i] = Arrays.stream(row.substring(1, row.length() - 1).split(","))
                    .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
        }
        return j;
    }

    static void assertFails(int code, String message, Run r) {
        assertEquals(code, r.code(), r.out() + r.err());
        assertEquals("ad4j grad: " + message, r.err().strip(), r.err());
    }

    @Test
    void value_and_gradient_of_an_array_method() {
        Run r = grad("--method", SURVEY + "#f", "--at", "2,5");
        assertEquals(0, r.code(), r.err());
        assertEquals("method    " + SURVEY + "#f(double[])\nat        [2.0, 5.0]\nvalue     "
                + (Math.log(2) + 10 - Math.sin(5)) + "\ngradient  [5.5, " + (2 - Math.cos(5)) + "]\n", r.out());
    }

    @Test
    void method_of_scalars_gets_its_indices_through_the_argument_registers() {
        Run array = grad("--method", SURVEY + "#f", "--at", "2,5", "--trace");
        Run scalars = grad("--method", SURVEY + "#scalars", "--at", "2,5", "--trace");
        assertEquals(0, scalars.code(), scalars.err());
        assertTrue(scalars.out().contains("#scalars(double, double)"), scalars.out());
        assertEquals(array.out().lines().skip(1).toList(), scalars.out().lines().skip(1).toList());
    }

    @Test
    void trace_reproduces_the_survey_tables() {
        Run r = grad("--method", SURVEY + "#f", "--at", "2,5", "--trace");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("v-1 = x1 = 2.000\nv0 = x2 = 5.000\nv1 = ln v-1 = 0.693\nv2 = v-1 * v0 = 10.000\n"
                + "v3 = sin v0 = -0.959\nv4 = v1 + v2 = 10.693\nv5 = v4 - v3 = 11.652\ny = v5 = 11.652\n"), r.out());
        assertTrue(r.out().contains("x\u03041 = v\u0304-1 = 5.500\nx\u03042 = v\u03040 = 1.716\n"), r.out());
        assertTrue(r.out().contains("tape: TapeStats[statements=7"), r.out());
    }

    @Test
    void jacobian_of_a_vector_method_matches_the_closed_form() {
        double[] x = {0.7, 2, -1.5};
        Run r = grad("--method", VECTOR + "#f", "--at", "0.7,2,-1.5", "--jacobian");
        assertEquals(0, r.code(), r.err());
        double[][] expected = VectorFixture.fJacobian(x);
        double[][] actual = printedJacobian(r.out());
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < x.length; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-12, r.out());
            }
        }
        assertTrue(r.out().contains("value     " + Arrays.toString(VectorFixture.f(x))), r.out());
    }

    @Test
    void jacobian_of_a_vector_method_of_scalars_and_of_a_scalar_method() {
        double[][] polar = printedJacobian(grad("--method", VECTOR + "#polar", "--at", "2,0.5", "--jacobian").out());
        assertEquals(Math.cos(0.5), polar[0][0], 1e-12);
        assertEquals(-2 * Math.sin(0.5), polar[0][1], 1e-12);
        assertEquals(Math.sin(0.5), polar[1][0], 1e-12);
        assertEquals(2 * Math.cos(0.5), polar[1][1], 1e-12);
        double[][] row = printedJacobian(grad("--method", SURVEY + "#f", "--at", "2,5", "--jacobian").out());
        assertEquals(1, row.length);
        assertEquals(5.5, row[0][0], 1e-12);
    }

    @Test
    void check_passes_on_smooth_code_and_fails_with_exit_1_at_a_jump() {
        Run ok = grad("--method", VECTOR + "#f", "--at", "0.7,2,-1.5", "--jacobian", "--check");
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("PASSED: 12 of 12"), ok.out());
        Run jump = grad("--method", SURVEY + "#stepped", "--at", "1", "--check");
        assertEquals(1, jump.code(), jump.out());
        assertTrue(jump.out().contains("FAILED: 0 of 1"), jump.out());
    }

    @Test
    void dot_goes_to_a_file_or_alone_to_stdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("survey.dot");
        Run toFile = grad("--method", SURVEY + "#f", "--at", "2,5", "--dot", file.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertTrue(toFile.out().contains("DOT graph written to " + file), toFile.out());
        String dot = Files.readString(file);
        assertTrue(dot.startsWith("digraph ad4j {"), dot);
        assertTrue(dot.contains("v5 = v4 - v3\\n11.652"), dot);
        Run piped = grad("--method", SURVEY + "#f", "--at", "2,5", "--dot");
        assertEquals(dot, piped.out());
        assertTrue(piped.err().contains("gradient  [5.5, "), piped.err());
    }

    @Test
    void lookup_errors_exit_2_with_one_line() {
        assertFails(2, "class com.example.cli.Nope not found on --cp " + CP, grad("--method", "com.example.cli.Nope#f", "--at", "1"));
        assertFails(2, "class " + SURVEY + " has no method 'g'", grad("--method", SURVEY + "#g", "--at", "1"));
        assertFails(2, SURVEY + "#scalars takes 2 doubles but --at gives 3 values",
                grad("--method", SURVEY + "#scalars", "--at", "1,2,3"));
        assertFails(2, SURVEY + "#instance is not static: grad calls static methods only",
                grad("--method", SURVEY + "#instance", "--at", "1"));
        assertFails(2, SURVEY + "#count has no supported signature (double or double[] result; one double[]"
                + " or only double parameters); found int count(int)", grad("--method", SURVEY + "#count", "--at", "1"));
        assertFails(2, VECTOR + "#f(double[]) returns double[]: pass --jacobian for its Jacobian",
                grad("--method", VECTOR + "#f", "--at", "1,2,3"));
        assertFails(2, "class java.lang.Math belongs to the JDK or to ad4j and is never rewritten",
                grad("--method", "java.lang.Math#sin", "--at", "1"));
        assertFails(2, "--cp entry 'no/such/dir' does not exist",
                run(new GradCommand(), "--cp", "no/such/dir", "--method", SURVEY + "#f", "--at", "1"));
        assertFails(2, "missing --method <class>#<method>", grad("--at", "1"));
    }

    @Test
    void a_null_result_a_failing_class_initializer_and_an_unwritable_dot_file_are_named(@TempDir Path dir) {
        String broken = "com.example.cli.BrokenFixture";
        assertFails(1, broken + "#none(double[]) returned null", grad("--method", broken + "#none", "--at", "1", "--jacobian"));
        assertFails(1, broken + "$FailingInit#f(double[]) threw java.lang.IllegalStateException: calibration table missing"
                + " in the static initializer of its class", grad("--method", broken + "$FailingInit#f", "--at", "1"));
        String missing = dir.resolve("no/such/dir/g.dot").toString();
        assertFails(1, "cannot write --dot " + missing + ": no such directory",
                grad("--method", SURVEY + "#f", "--at", "2,5", "--dot", missing));
    }

    @Test
    void functions_that_cannot_be_differentiated_exit_1_naming_the_method() {
        assertFails(1, SURVEY + "#checked(double[]) threw java.lang.IllegalArgumentException: x1 must be positive, was -1.0",
                grad("--method", SURVEY + "#checked", "--at", "-1"));
        Run constant = grad("--method", SURVEY + "#constant", "--at", "1,2");
        assertEquals(1, constant.code());
        assertTrue(constant.err().startsWith("ad4j grad: the result of " + SURVEY + "#constant does not depend on --at"),
                constant.err());
        Run excluded = grad("--method", SURVEY + "#f", "--at", "2,5", "--includes", "com.other.*");
        assertEquals(1, excluded.code());
        assertTrue(excluded.err().contains("warning: --includes 'com.other.*' does not select " + SURVEY), excluded.err());
        assertTrue(excluded.err().contains("no rewritten code ran in " + SURVEY + "#f"), excluded.err());
    }

    @Test
    void help_of_grad_and_help_grad_print_the_same_text_that_help_contains() {
        Run own = grad("--help");
        Run viaHelp = run(new UsageCommand(), "grad");
        Run all = run(new UsageCommand());
        assertEquals(0, own.code());
        assertEquals(own.out(), viaHelp.out());
        assertTrue(all.out().contains(own.out()), all.out());
        for (String option : new String[] {"--method", "--at", "--cp", "--includes", "--excludes", "--jacobian",
            "--trace", "--dot", "--check", "--eps", "--atol", "--rtol", "--help"}) {
            assertTrue(own.out().contains(option), option);
        }
        assertEquals(2, run(new UsageCommand(), "frobnicate").code());
    }
}
