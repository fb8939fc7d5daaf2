package dev.ad4j.agent.internal.rewrite;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Rewrites the double arithmetic of one class file. Reads with expanded frames, rewrites each
 * method that touches doubles ({@link MethodRewriter}) and writes with computed maxima but the
 * original frames extended, so that no class is ever loaded while transforming.
 */
public final class ClassRewriter {

    private ClassRewriter() {
    }

    /**
     * @param classFile the original class file
     * @return the rewritten class file, or null if the class has no double arithmetic
     * @throws InstrumentationFailure naming the class and method that could not be rewritten
     */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        if ((node.access & Opcodes.ACC_MODULE) != 0) {
            return null;
        }
        boolean changed = false;
        for (MethodNode method : node.methods) {
            if (!MethodRewriter.needsRewrite(method)) {
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn.getOpcode() == Opcodes.JSR || insn.getOpcode() == Opcodes.RET) {
                    throw new InstrumentationFailure(node.name, method.name + method.desc,
                            "JSR/RET subroutines (class file version " + (node.version & 0xFFFF) + ") are not supported");
                }
            }
            try {
                new MethodRewriter(node.name, method).rewrite();
            } catch (AnalyzerException | RuntimeException e) {
                throw new InstrumentationFailure(node.name, method.name + method.desc, e.toString());
            }
            changed = true;
        }
        if (!changed) {
            return null;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        try {
            node.accept(writer);
            return writer.toByteArray();
        } catch (RuntimeException e) {
            // MethodTooLargeException and ClassTooLargeException land here: the class stays as it was.
            throw new InstrumentationFailure(node.name, null, e.toString());
        }
    }
}
