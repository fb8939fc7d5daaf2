package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.numeric.Rosenbrock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** A rewritten method keeps its original body for threads that are not recording. */
class PassiveCopyTest {

    @Test
    void a_thread_that_is_not_recording_jumps_to_the_original_instructions() throws IOException {
        byte[] original = bytes(Rosenbrock.class);
        MethodNode before = method(original, "value");
        MethodNode after = method(ClassRewriter.rewrite(original), "value");

        AbstractInsnNode[] insns = after.instructions.toArray();
        assertTrue(insns[0] instanceof MethodInsnNode && ((MethodInsnNode) insns[0]).name.equals("enter"));
        assertEquals(Opcodes.ASTORE, insns[1].getOpcode());
        assertEquals(Opcodes.IFNULL, insns[3].getOpcode(), "the tape decides, right after the prologue fetched it");
        AbstractInsnNode target = ((JumpInsnNode) insns[3]).label;
        List<Integer> passive = new ArrayList<>();
        for (AbstractInsnNode i = target; i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0 && i.getOpcode() != Opcodes.NOP) {
                passive.add(i.getOpcode());
            }
        }
        assertEquals(opcodes(before), passive, "the passive path is the original code, instruction by instruction");
        assertTrue(after.instructions.size() > 2 * before.instructions.size(), "the rewritten body comes first");
    }

    private static List<Integer> opcodes(MethodNode m) {
        List<Integer> out = new ArrayList<>();
        for (AbstractInsnNode i : m.instructions) {
            if (i.getOpcode() >= 0) {
                out.add(i.getOpcode());
            }
        }
        return out;
    }

    private static MethodNode method(byte[] bytes, String name) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
