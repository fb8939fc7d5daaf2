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
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A rewritten method keeps its original instructions for threads that are not recording: a
 * method dispatches to its rewritten body in a method of its own ({@link RecordingBody}), a
 * constructor jumps over its rewritten body to a copy of the original ({@link PassiveCopy}).
 */
class PassiveCopyTest {

    @Test
    void a_method_runs_its_original_instructions_unless_recording_and_calls_its_rewritten_body_when_recording()
            throws IOException {
        byte[] original = bytes(Type.getInternalName(Rosenbrock.class));
        MethodNode before = method(original, "value");
        byte[] rewritten = ClassRewriter.rewrite(original);
        MethodNode after = method(rewritten, "value");

        AbstractInsnNode[] insns = after.instructions.toArray();
        assertTrue(insns[0] instanceof MethodInsnNode && ((MethodInsnNode) insns[0]).name.equals("recording"));
        assertEquals(Opcodes.IFNE, insns[1].getOpcode());
        List<Integer> passive = new ArrayList<>();
        for (AbstractInsnNode i = insns[2]; i != ((JumpInsnNode) insns[1]).label; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                passive.add(i.getOpcode());
            }
        }
        assertEquals(opcodes(before), passive, "the passive path is the original code, instruction by instruction");
        MethodInsnNode call = (MethodInsnNode) after.instructions.getLast().getPrevious();
        assertEquals(Opcodes.INVOKESTATIC, call.getOpcode());
        assertEquals("value" + RecordingBody.SUFFIX + "$in", call.name, "the entry, which fetches the tape");
        assertEquals(before.desc, call.desc);
        MethodNode entry = method(rewritten, call.name);
        MethodInsnNode enter = (MethodInsnNode) entry.instructions.getFirst();
        assertEquals("enter", enter.name);
        MethodInsnNode toBody = (MethodInsnNode) entry.instructions.getLast().getPrevious();

        MethodNode body = method(rewritten, toBody.name);
        assertEquals("value" + RecordingBody.SUFFIX, body.name);
        assertEquals(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, body.access);
        assertEquals("([DLdev/ad4j/internal/tape/Tape;)D", body.desc, "the parameters, then the tape");
        AbstractInsnNode first = body.instructions.getFirst();
        assertTrue(first.getOpcode() == Opcodes.ALOAD && ((VarInsnNode) first).var == 1, "the tape comes as a parameter");
        assertTrue(body.instructions.size() > 2 * before.instructions.size(), "the rewritten body");
        assertTrue(after.instructions.size() < before.instructions.size() + 8, "the dispatch adds a few instructions");
    }

    @Test
    void an_instance_method_hands_its_receiver_to_the_rewritten_body() throws IOException {
        byte[] rewritten = ClassRewriter.rewrite(bytes("com/example/numeric/Objects$Circle"));
        MethodNode body = method(rewritten, "area" + RecordingBody.SUFFIX);
        assertEquals("(Lcom/example/numeric/Objects$Circle;Ldev/ad4j/internal/tape/Tape;)D", body.desc);
    }

    @Test
    void a_body_takes_the_index_of_each_double_parameter_after_the_tape() throws IOException {
        byte[] rewritten = ClassRewriter.rewrite(bytes("com/example/numeric/Piecewise"));
        MethodNode body = method(rewritten, "weighted" + RecordingBody.SUFFIX);
        assertEquals("(DDDLdev/ad4j/internal/tape/Tape;III)D", body.desc);
    }

    @Test
    void a_constructor_jumps_to_a_copy_of_its_original_instructions_unless_recording() throws IOException {
        byte[] original = bytes("com/example/numeric/Objects$Rect");
        MethodNode before = method(original, "<init>");
        MethodNode after = method(ClassRewriter.rewrite(original), "<init>");

        AbstractInsnNode[] insns = after.instructions.toArray();
        assertTrue(insns[0] instanceof MethodInsnNode && ((MethodInsnNode) insns[0]).name.equals("enter"));
        assertEquals(Opcodes.ASTORE, insns[1].getOpcode());
        assertEquals(Opcodes.IFNULL, insns[3].getOpcode(), "the tape decides, right after the prologue fetched it");
        List<Integer> passive = new ArrayList<>();
        for (AbstractInsnNode i = ((JumpInsnNode) insns[3]).label; i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0 && i.getOpcode() != Opcodes.NOP) {
                passive.add(i.getOpcode());
            }
        }
        assertEquals(opcodes(before), passive, "the passive path is the original code, instruction by instruction");
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

    private static byte[] bytes(String internalName) throws IOException {
        try (InputStream in = PassiveCopyTest.class.getResourceAsStream("/" + internalName + ".class")) {
            return in.readAllBytes();
        }
    }
}
