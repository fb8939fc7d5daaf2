package dev.ad4j.agent.internal.rewrite;

import static dev.ad4j.agent.testing.Checks.assertClose;
import static dev.ad4j.agent.testing.Checks.finiteDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.numeric.Calls;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import dev.ad4j.agent.testing.Instrumented;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A recording body enters the bodies of static, private and final methods of its class directly,
 * with the tape and the argument indices as parameters; synchronized and overridable methods it
 * calls as written.
 */
class RecordingBodiesTest {

    private static final double[] X = {1.3, -0.7};

    @Test
    void gradients_through_direct_calls_match_closed_forms_and_differences() {
        check("mixed", Calls::mixed, Calls::mixedGradient);
        check("power", Calls::power, Calls::powerGradient);
        check("guarded", Calls::guarded, Calls::guardedGradient);
    }

    private static void check(String method, ScalarFunction plain, Function<double[], double[]> closedForm) {
        ScalarFunction f = Instrumented.scalar(Calls.class, method);
        ValueAndGradient vg = AD.valueAndGradient(f, X);
        assertEquals(Double.doubleToRawLongBits(plain.apply(X)), Double.doubleToRawLongBits(vg.value()),
                method + ": the primal is bit-identical");
        assertClose(closedForm.apply(X), vg.gradient(), 1e-12);
        assertClose(finiteDifferences(f, X), vg.gradient(), 1e-6);
    }

    @Test
    void static_private_and_final_callees_are_entered_directly() throws IOException {
        ClassNode rewritten = rewritten();
        assertEquals(List.of("sq$ad4j(DLdev/ad4j/internal/tape/Tape;I)D",
                        "cube$ad4j(DLdev/ad4j/internal/tape/Tape;I)D",
                        "scaled$ad4j(Lcom/example/numeric/Calls;DLdev/ad4j/internal/tape/Tape;I)D",
                        "twice$ad4j(Lcom/example/numeric/Calls;DLdev/ad4j/internal/tape/Tape;I)D"),
                callsInto(rewritten, "mixed$ad4j"));
        assertEquals(List.of("pow$ad4j(DILdev/ad4j/internal/tape/Tape;I)D"), callsInto(rewritten, "pow$ad4j"),
                "recursion stays in the bodies");
    }

    @Test
    void synchronized_and_overridable_callees_are_called_as_written() throws IOException {
        assertEquals(List.of("locked(DD)D", "overridable(D)D"), callsInto(rewritten(), "guarded$ad4j"));
    }

    @Test
    void a_null_receiver_fails_as_the_instance_call_would() {
        ScalarFunction f = Instrumented.scalar(Calls.class, "nullReceiver");
        assertThrows(NullPointerException.class, () -> AD.gradient(f, X));
        assertThrows(NullPointerException.class, () -> f.apply(X));
    }

    /**
     * The methods of {@code Calls} that {@code method} of the rewritten class calls, in order,
     * leaving out the per-site guards of its array accesses ({@code SiteGuards}).
     */
    private static List<String> callsInto(ClassNode node, String method) {
        MethodNode m = node.methods.stream().filter(k -> k.name.equals(method)).findFirst().orElseThrow();
        List<String> calls = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(node.name)) {
                MethodInsnNode call = (MethodInsnNode) insn;
                if (!call.name.equals("<init>") && !call.name.startsWith("ad4j$")) { // not the SiteGuards
                    calls.add(call.name + call.desc);
                }
            }
        }
        return calls;
    }

    private static ClassNode rewritten() throws IOException {
        String name = Type.getInternalName(Calls.class);
        try (InputStream in = RecordingBodiesTest.class.getResourceAsStream("/" + name + ".class")) {
            ClassNode node = new ClassNode();
            new ClassReader(ClassRewriter.rewrite(in.readAllBytes())).accept(node, 0);
            return node;
        }
    }
}
