package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.numeric.LongMethod;
import com.example.numeric.LongMethodMain;
import dev.ad4j.agent.testing.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A method whose rewritten body is too long for HotSpot to compile: the agent says so once,
 * with the flag that lifts the limit, and the gradient is right either way.
 */
class HugeMethodIT {

    private static ForkedJvm.Result run(String... jvmFlags) throws Exception {
        List<String> args = new ArrayList<>(Arrays.asList(jvmFlags));
        args.addAll(List.of(ForkedJvm.agent("includes=com.example.numeric.LongMethod"),
                "-cp", System.getProperty("java.class.path"), LongMethodMain.class.getName()));
        ForkedJvm.Result r = ForkedJvm.run(args);
        assertEquals(0, r.exitCode(), () -> "exit code; stderr:\n" + r.err());
        String line = r.out().lines().filter(l -> l.startsWith("gradient ")).findFirst().orElseThrow();
        double[] g = Arrays.stream(line.substring("gradient [".length(), line.length() - 1).split(", "))
                .mapToDouble(Double::parseDouble).toArray();
        Checks.assertClose(Checks.finiteDifferences(LongMethod::value, LongMethodMain.POINT), g, 1e-6);
        return r;
    }

    @Test
    void a_recording_body_over_the_jit_limit_is_noted_once_with_the_flag_that_lifts_it() throws Exception {
        ForkedJvm.Result r = run();
        List<String> notes = r.err().lines().filter(l -> l.startsWith("ad4j: NOTE")).toList();
        assertEquals(1, notes.size(), r.err());
        assertTrue(notes.get(0).contains("com.example.numeric.LongMethod.value([D)D"), notes.get(0));
        assertTrue(notes.get(0).contains("-XX:-DontCompileHugeMethods"), notes.get(0));
    }

    @Test
    void nothing_is_noted_when_the_jvm_compiles_huge_methods() throws Exception {
        ForkedJvm.Result r = run("-XX:-DontCompileHugeMethods");
        assertFalse(r.err().contains("ad4j: NOTE"), r.err());
    }
}
