package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar ad4j-agent.jar grad} as users run it, in a forked JVM without
 * {@code -javaagent}, on the compiled fixtures of {@code com.example.cli} in target/test-classes.
 */
class GradCommandIT {

    private static final String SURVEY = "com.example.cli.SurveyFixture";
    private static final String VECTOR = "com.example.cli.VectorFixture";

    private static ForkedJvm.Result grad(String... args) throws Exception {
        // The traces print overbars and partial signs: ask for UTF-8 whatever the machine's locale (JDK 17; 18+)
        List<String> cmd = new ArrayList<>(List.of("-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8", "-jar", ForkedJvm.AGENT_JAR.toString(), "grad", "--cp", ForkedJvm.TEST_CLASSES));
        cmd.addAll(Arrays.asList(args));
        return ForkedJvm.run(cmd);
    }

    @Test
    void trace_reproduces_tables_2_and_3_of_the_survey() throws Exception {
        ForkedJvm.Result r = grad("--method", SURVEY + "#f", "--at", "2,5", "--trace");
        assertEquals(0, r.exitCode(), r.err());
        String primal = String.join("\n",
                "Forward primal trace (Table 2)",
                "v-1 = x1 = 2.000",
                "v0 = x2 = 5.000",
                "v1 = ln v-1 = 0.693",
                "v2 = v-1 * v0 = 10.000",
                "v3 = sin v0 = -0.959",
                "v4 = v1 + v2 = 10.693",
                "v5 = v4 - v3 = 11.652",
                "y = v5 = 11.652");
        String adjoint = String.join("\n",
                "Reverse adjoint trace (Table 3)",
                "v\u03045 = y\u0304 = 1.000",
                "v\u03044 = v\u03045 \u2202v5/\u2202v4 = 1.000",
                "v\u03043 = v\u03045 \u2202v5/\u2202v3 = -1.000",
                "v\u03041 = v\u03044 \u2202v4/\u2202v1 = 1.000",
                "v\u03042 = v\u03044 \u2202v4/\u2202v2 = 1.000",
                "v\u03040 = v\u03043 \u2202v3/\u2202v0 = -0.284",
                "v\u0304-1 = v\u03042 \u2202v2/\u2202v-1 = 5.000",
                "v\u03040 = v\u03040 + v\u03042 \u2202v2/\u2202v0 = 1.716",
                "v\u0304-1 = v\u0304-1 + v\u03041 \u2202v1/\u2202v-1 = 5.500",
                "x\u03041 = v\u0304-1 = 5.500",
                "x\u03042 = v\u03040 = 1.716");
        assertTrue(r.out().contains(primal), r.out());
        assertTrue(r.out().contains(adjoint), r.out());
        assertTrue(r.out().contains("gradient  [5.5, 1.71633781453677"), r.out());
    }

    @Test
    void jacobian_of_a_vector_valued_fixture_matches_its_closed_form() throws Exception {
        double[] x = {0.7, 2, -1.5};
        ForkedJvm.Result r = grad("--method", VECTOR + "#f", "--at", "0.7,2,-1.5", "--jacobian", "--check");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        double[][] expected = {
            {x[1], x[0], 0},
            {Math.cos(x[0]), 0, 2 * x[2]},
            {0, -x[2] / (x[1] * x[1]), 1 / x[1]},
            {Math.exp(x[0]) * x[2], 0, Math.exp(x[0])},
        };
        List<String> lines = r.out().lines().toList();
        int header = lines.indexOf("jacobian  4 x 3");
        assertTrue(header > 0, r.out());
        for (int i = 0; i < 4; i++) {
            String row = lines.get(header + 1 + i).trim();
            double[] actual = Arrays.stream(row.substring(1, row.length() - 1).split(","))
                    .mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], actual[j], 1e-12, r.out());
            }
        }
        assertTrue(r.out().contains("PASSED: 12 of 12"), r.out());
    }

    @Test
    void dot_on_stdout_is_a_graphviz_graph_alone() throws Exception {
        ForkedJvm.Result r = grad("--method", SURVEY + "#scalars", "--at", "2,5", "--dot");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("digraph ad4j {"), r.out());
        assertTrue(r.out().strip().endsWith("}"), r.out());
        assertTrue(r.err().contains("gradient  [5.5, "), r.err());
    }

    @Test
    void bad_arguments_exit_2_with_one_line_naming_the_fault() throws Exception {
        ForkedJvm.Result noMethod = grad("--at", "2,5");
        assertEquals(2, noMethod.exitCode());
        assertEquals("ad4j grad: missing --method <class>#<method>", noMethod.err().strip());
        ForkedJvm.Result badNumber = grad("--method", SURVEY + "#f", "--at", "2,five");
        assertEquals(2, badNumber.exitCode());
        assertEquals("ad4j grad: --at value 2 'five' is not a number (in '2,five')", badNumber.err().strip());
        ForkedJvm.Result arity = grad("--method", SURVEY + "#scalars", "--at", "2");
        assertEquals(2, arity.exitCode());
        assertEquals("ad4j grad: " + SURVEY + "#scalars takes 2 doubles but --at gives 1 value", arity.err().strip());
        ForkedJvm.Result unknown = grad("--method", SURVEY + "#f", "--at", "2,5", "--verbose");
        assertEquals(2, unknown.exitCode());
        assertEquals("ad4j grad: unknown option '--verbose' (see grad --help)", unknown.err().strip());
        ForkedJvm.Result missingClass = grad("--method", "com.example.cli.Missing#f", "--at", "1");
        assertEquals(2, missingClass.exitCode());
        assertTrue(missingClass.err().startsWith("ad4j grad: class com.example.cli.Missing not found"), missingClass.err());
    }

    @Test
    void help_lists_grad_and_grad_help_matches_it() throws Exception {
        ForkedJvm.Result help = ForkedJvm.run(List.of("-jar", ForkedJvm.AGENT_JAR.toString(), "help"));
        ForkedJvm.Result gradHelp = ForkedJvm.run(List.of("-jar", ForkedJvm.AGENT_JAR.toString(), "grad", "--help"));
        assertEquals(0, help.exitCode());
        assertEquals(0, gradHelp.exitCode());
        assertTrue(help.out().contains("  grad      differentiate a static method"), help.out());
        assertTrue(help.out().contains(gradHelp.out()), help.out());
    }
}
