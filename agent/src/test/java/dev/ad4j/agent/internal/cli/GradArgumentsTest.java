package dev.ad4j.agent.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.agent.internal.cli.GradArguments.BadArguments;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradArgumentsTest {

    private static String fault(String... args) {
        return assertThrows(BadArguments.class, () -> GradArguments.parse(args)).getMessage();
    }

    @Test
    void minimal_arguments_default_to_the_current_directory_and_the_method_package() throws Exception {
        GradArguments a = GradArguments.parse(new String[] {"--method", "com.acme.Model#loss", "--at", "-1.2, 1,3e-2"});
        assertEquals("com.acme.Model", a.className);
        assertEquals("loss", a.methodName);
        assertArrayEquals(new double[] {-1.2, 1, 0.03}, a.point, 0);
        assertEquals(List.of("."), a.classPath);
        assertEquals("com.acme.*", a.includes);
        assertEquals("", a.excludes);
        assertNull(a.dot);
    }

    @Test
    void class_in_the_default_package_includes_itself_and_its_nested_classes() throws Exception {
        GradArguments a = GradArguments.parse(new String[] {"--method", "Model#f", "--at", "1"});
        assertEquals("Model:Model$*", a.includes);
    }

    @Test
    void every_option_in_both_spellings() throws Exception {
        String cp = "a.jar" + File.pathSeparator + "classes";
        GradArguments a = GradArguments.parse(new String[] {"--cp=" + cp, "--method=p.C#m", "--at=1,2",
            "--includes", "p.*:q.*", "--excludes=p.Skip", "--check", "--trace", "--dot", "g.dot",
            "--eps", "1e-5", "--atol=0", "--rtol", "1e-6"});
        assertEquals(List.of("a.jar", "classes"), a.classPath);
        assertEquals("p.*:q.*", a.includes);
        assertEquals("p.Skip", a.excludes);
        assertTrue(a.check && a.trace);
        assertEquals("g.dot", a.dot);
        assertEquals(1e-5, a.eps);
        assertEquals(0, a.atol);
        assertEquals(1e-6, a.rtol);
    }

    @Test
    void dot_without_a_file_means_stdout_even_before_another_option() throws Exception {
        assertEquals(GradArguments.STDOUT, GradArguments.parse(new String[] {"--method", "p.C#m", "--at", "1", "--dot"}).dot);
        GradArguments a = GradArguments.parse(new String[] {"--dot", "--method", "p.C#m", "--at", "1"});
        assertEquals(GradArguments.STDOUT, a.dot);
        assertEquals("p.C", a.className);
    }

    @Test
    void help_wins_over_everything_after_it() throws Exception {
        assertTrue(GradArguments.parse(new String[] {"-h"}).help);
        assertTrue(GradArguments.parse(new String[] {"--help", "--bogus"}).help);
    }

    @Test
    void missing_required_options_are_named() {
        assertEquals("missing --method <class>#<method>", fault("--at", "1"));
        assertEquals("missing --at <x1,x2,...>: the point to differentiate at", fault("--method", "p.C#m"));
        assertEquals("--at needs a value", fault("--method", "p.C#m", "--at"));
        assertEquals("--at needs a value", fault("--at", "--method", "p.C#m"));
    }

    @Test
    void malformed_numbers_are_named_with_their_position() {
        assertEquals("--at value 2 'x' is not a number (in '1,x')", fault("--method", "p.C#m", "--at", "1,x"));
        assertEquals("--at value 2 '' is not a number (in '1,,2')", fault("--method", "p.C#m", "--at", "1,,2"));
        assertTrue(fault("--method", "p.C#m", "--at", "NaN").contains("not a finite decimal number"));
        assertTrue(fault("--method", "p.C#m", "--at", "1,2d").contains("'2d' is not a finite decimal number"));
        assertTrue(fault("--method", "p.C#m", "--at", " ").startsWith("--at is empty"));
    }

    @Test
    void malformed_method_names_are_rejected() {
        for (String m : new String[] {"p.C", "p.C#", "#m", "p.C#m#n", "p..C#m", "p.C#1m", "p/C#m"}) {
            assertTrue(fault("--method", m, "--at", "1").startsWith("--method '" + m + "' is not <class>#<method>"), m);
        }
    }

    @Test
    void unknown_repeated_and_stray_arguments_are_named() {
        assertEquals("unknown option '--frobnicate' (see grad --help)", fault("--method", "p.C#m", "--at", "1", "--frobnicate"));
        assertEquals("unknown option '--colour' (see grad --help)", fault("--colour=red"));
        assertEquals("--at is given more than once", fault("--method", "p.C#m", "--at", "1", "--at", "2"));
        assertEquals("--cp is given more than once", fault("--cp", "a", "-cp", "b"));
        assertEquals("unexpected argument 'extra' (options start with --; see grad --help)", fault("extra"));
        assertEquals("--trace takes no value", fault("--trace=yes"));
    }

    @Test
    void bad_patterns_tolerances_and_combinations_are_named() {
        assertTrue(fault("--method", "p.C#m", "--at", "1", "--includes", "p/*").startsWith("--includes: malformed pattern 'p/*'"));
        assertEquals("--eps must be positive, was '0'", fault("--method", "p.C#m", "--at", "1", "--check", "--eps", "0"));
        assertEquals("--rtol 'lots' is not a finite number", fault("--method", "p.C#m", "--at", "1", "--check", "--rtol", "lots"));
        assertEquals("--eps, --atol and --rtol only apply with --check", fault("--method", "p.C#m", "--at", "1", "--atol", "1"));
        assertTrue(fault("--method", "p.C#m", "--at", "1", "--jacobian", "--trace").contains("do not combine with --jacobian"));
        assertEquals("empty entry in --cp 'a" + File.pathSeparator + "'", fault("--cp", "a" + File.pathSeparator));
    }
}
