package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.ad4j.agent.testing.HugeMethodClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The caches of accesses outside loops are the first thing a recording body gives up when it
 * would be too big for the JIT ({@link ClassRewriter#HUGE_METHOD_LIMIT}): the loop's cache stays
 * ({@link ShadowCaches.Reach#LOOPS}).
 */
class ShadowCacheReachTest {

    @Test
    void a_body_too_big_with_straight_line_caches_keeps_its_loop_cache() {
        List<Integer> primesBySize = new ArrayList<>();
        boolean loopsOnly = false;
        for (int reads = 10; reads <= 600; reads += 10) {
            int primes = primes(reads);
            primesBySize.add(primes);
            loopsOnly |= primes == 1;
        }
        assertEquals(2, primesBySize.get(0), "a small body primes both arrays: " + primesBySize);
        // Larger bodies fit again at a level with fewer expression forms, or at none (then the
        // fastest level is kept for JVMs that compile huge methods): the count is not monotonic.
        assertTrue(loopsOnly, "some size keeps only the loop's cache: " + primesBySize);
    }

    /** Rewrites {@link #sums} and counts the primed caches in its recording body. */
    private static int primes(int reads) {
        ClassNode node = new ClassNode();
        new ClassReader(ClassRewriter.rewrite(sums(reads))).accept(node, 0);
        MethodNode body = node.methods.stream().filter(m -> m.name.equals("f" + RecordingBody.SUFFIX)).findFirst().orElseThrow();
        int n = 0;
        for (AbstractInsnNode insn : body.instructions) {
            if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).name.equals("primeShadow")) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code static double f(double[] a, double[] b)}: {@code s = sum a[i]} in a loop, then
     * {@code s += b[k % 4]} for {@code k < reads}, outside any loop.
     */
    private static byte[] sums(int reads) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL, "com/example/generated/Sums", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "f", "([D[D)D", null, null);
        mv.visitCode();
        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, 2);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, 4);
        Label test = new Label();
        Label done = new Label();
        mv.visitLabel(test);
        mv.visitVarInsn(ILOAD, 4);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ARRAYLENGTH);
        mv.visitJumpInsn(IF_ICMPGE, done);
        mv.visitVarInsn(DLOAD, 2);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 4);
        mv.visitInsn(DALOAD);
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, 2);
        mv.visitIincInsn(4, 1);
        mv.visitJumpInsn(GOTO, test);
        mv.visitLabel(done);
        HugeMethodClass.addReads(mv, 2, 1, reads);
        mv.visitVarInsn(DLOAD, 2);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
