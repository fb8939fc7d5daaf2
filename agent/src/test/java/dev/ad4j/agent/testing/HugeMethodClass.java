package dev.ad4j.agent.testing;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates {@code com.example.big.Huge}: a class whose {@code sum(double[])} is legal (under
 * 64 KB) but grows past the JVM's method size limit once rewritten, {@code twice(double[])}
 * that returns {@code 2 * sum(x)}, and a {@code main} that prints {@code sum} of 1..4.
 */
public final class HugeMethodClass {

    public static final String NAME = "com.example.big.Huge";

    private HugeMethodClass() {
    }

    public static byte[] bytes() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        String internal = NAME.replace('.', '/');
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internal, null, "java/lang/Object", null);
        MethodVisitor sum = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "sum", "([D)D", null, null);
        sum.visitCode();
        sum.visitInsn(DCONST_0);
        sum.visitVarInsn(DSTORE, 1);
        addReads(sum, 1, 0, 4000);
        sum.visitVarInsn(DLOAD, 1);
        sum.visitInsn(DRETURN);
        sum.visitMaxs(0, 0);
        sum.visitEnd();
        MethodVisitor twice = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "twice", "([D)D", null, null);
        twice.visitCode();
        twice.visitLdcInsn(2.0);
        twice.visitVarInsn(ALOAD, 0);
        twice.visitMethodInsn(INVOKESTATIC, internal, "sum", "([D)D", false);
        twice.visitInsn(DMUL);
        twice.visitInsn(DRETURN);
        twice.visitMaxs(0, 0);
        twice.visitEnd();
        MethodVisitor main = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        main.visitFieldInsn(GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
        main.visitInsn(ICONST_4);
        main.visitIntInsn(NEWARRAY, T_DOUBLE);
        for (int i = 0; i < 4; i++) {
            main.visitInsn(DUP);
            main.visitInsn(ICONST_0 + i);
            main.visitLdcInsn((double) (i + 1));
            main.visitInsn(DASTORE);
        }
        main.visitMethodInsn(INVOKESTATIC, internal, "sum", "([D)D", false);
        main.visitMethodInsn(INVOKEVIRTUAL, "java/io/PrintStream", "println", "(D)V", false);
        main.visitInsn(RETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Emits {@code s = s + x[k % 4]} for {@code k < reads}: double local {@code s}, array local {@code x}. */
    public static void addReads(MethodVisitor mv, int s, int x, int reads) {
        for (int k = 0; k < reads; k++) {
            mv.visitVarInsn(DLOAD, s);
            mv.visitVarInsn(ALOAD, x);
            mv.visitInsn(ICONST_0 + k % 4);
            mv.visitInsn(DALOAD);
            mv.visitInsn(DADD);
            mv.visitVarInsn(DSTORE, s);
        }
    }
}
