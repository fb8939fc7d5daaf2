package dev.ad4j.agent.internal.rewrite;

import static dev.ad4j.agent.testing.Checks.assertClose;
import static dev.ad4j.agent.testing.Checks.finiteDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.numeric.LongMethod;
import com.example.numeric.MidMethod;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Instrumented;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A recording body stays under HotSpot's limit for compiling when dropping speed-ups brings it
 * there ({@link FormLevel}), and keeps them when nothing does.
 */
class RecordingBodySizeTest {

    @Test
    void a_body_that_forms_would_push_over_the_jit_limit_records_one_statement_per_operation() throws IOException {
        byte[] rewritten = ClassRewriter.rewrite(bytes(MidMethod.class));
        int size = CodeSizes.of(rewritten).get("value" + RecordingBody.SUFFIX + "([DLdev/ad4j/internal/tape/Tape;)D");
        assertTrue(size <= ClassRewriter.HUGE_METHOD_LIMIT, "recording body of " + size + " bytes");
        assertFalse(callsFormHelpers(rewritten), "settled per operation, without expression forms");

        double[] x = {0.3, -1.2, 2.5, 0.8};
        ScalarFunction f = Instrumented.scalar(MidMethod.class, "value");
        assertEquals(Double.doubleToRawLongBits(MidMethod.value(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
    }

    @Test
    void a_body_over_the_limit_at_every_level_keeps_its_expression_forms() throws IOException {
        byte[] rewritten = ClassRewriter.rewrite(bytes(LongMethod.class));
        assertTrue(CodeSizes.of(rewritten).get("value" + RecordingBody.SUFFIX + "([DLdev/ad4j/internal/tape/Tape;)D") > ClassRewriter.HUGE_METHOD_LIMIT);
        assertTrue(callsFormHelpers(rewritten), "the fastest level, for JVMs run with -XX:-DontCompileHugeMethods");
    }

    private static boolean callsFormHelpers(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        MethodNode body = node.methods.stream().filter(m -> m.name.endsWith(RecordingBody.SUFFIX)).findFirst().orElseThrow();
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(RuntimeContract.RT)
                    && (((MethodInsnNode) insn).name.startsWith("expr") || ((MethodInsnNode) insn).name.startsWith("acc"))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + Type.getInternalName(c) + ".class")) {
            return in.readAllBytes();
        }
    }
}
