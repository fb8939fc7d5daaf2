package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.AD;
import dev.ad4j.InactiveOutputException;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.internal.cli.StaticFunctions;
import dev.ad4j.agent.testing.HugeMethodClass;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceMethodVisitor;

class ClassRewriterFailureTest {

    @Test
    void method_that_grows_past_64k_is_reported_by_name_and_left_exactly_as_it_was() {
        byte[] bytes = HugeMethodClass.bytes();
        InstrumentationFailure failure = assertThrows(InstrumentationFailure.class,
                () -> ClassRewriter.rewrite(bytes));
        assertTrue(failure.getMessage().contains("com.example.big.Huge"), failure.getMessage());
        assertTrue(failure.getMessage().contains("method sum([D)D: grows past the JVM's 64 KB method limit"),
                failure.getMessage());
        ClassNode original = node(bytes);
        ClassNode fallback = node(failure.fallback());
        assertEquals(text(method(original, "sum")), text(method(fallback, "sum")), "the method that grew stays as it was");
        assertNotEquals(text(method(original, "main")), text(method(fallback, "main")), "the rest is rewritten");
    }

    @Test
    void a_body_that_called_the_failed_method_directly_enters_an_adapter_that_calls_it() {
        byte[] fallback = assertThrows(InstrumentationFailure.class, () -> ClassRewriter.rewrite(HugeMethodClass.bytes()))
                .fallback();
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(fallback), getClass().getClassLoader(), false, new PrintWriter(problems));
        assertEquals("", problems.toString());

        Class<?> huge = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(HugeMethodClass.NAME, fallback, 0, fallback.length);
            }
        }.define();
        ScalarFunction twice = StaticFunctions.scalar(huge, "twice");
        double[] x = {1, 2, 3, 4};
        assertEquals(20000.0, twice.apply(x));
        // Recording runs twice's body, which enters sum's adapter: sum is not instrumented, so the
        // output does not depend on x, and the gradient says so instead of failing to link.
        assertThrows(InactiveOutputException.class, () -> AD.gradient(twice, x));
    }

    @Test
    void a_body_that_calls_a_method_with_subroutines_directly_enters_an_adapter_that_calls_it() {
        byte[] fallback = assertThrows(InstrumentationFailure.class, () -> ClassRewriter.rewrite(subroutines()))
                .fallback();
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("com.example.old.Subroutine", fallback, 0, fallback.length);
            }
        }.define();
        ScalarFunction twice = StaticFunctions.scalar(c, "twice");
        assertEquals(9.0, twice.apply(new double[] {1.5}));
        // first is not instrumented, so the output does not depend on x. Its own call of head
        // left head's index (x[0]'s) in the return register: taken unchecked, it would make the
        // gradient 2 instead of reporting the lost derivative.
        assertThrows(InactiveOutputException.class, () -> AD.gradient(twice, new double[] {1.5}));
    }

    /**
     * A version-49 class: {@code first(x)} returns {@code 3 * head(x)} through a JSR subroutine
     * ({@code head(x)}, instrumented, is {@code x[0]}); {@code twice(x)} is {@code 2 * first(x)}.
     */
    private static byte[] subroutines() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "com/example/old/Subroutine", null,
                "java/lang/Object", null);
        MethodVisitor first = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "first", "([D)D", null, null);
        first.visitCode();
        Label sub = new Label();
        first.visitLdcInsn(3.0);
        first.visitVarInsn(Opcodes.ALOAD, 0);
        first.visitMethodInsn(Opcodes.INVOKESTATIC, "com/example/old/Subroutine", "head", "([D)D", false);
        first.visitInsn(Opcodes.DMUL);
        first.visitJumpInsn(Opcodes.JSR, sub);
        first.visitInsn(Opcodes.DRETURN);
        first.visitLabel(sub);
        first.visitVarInsn(Opcodes.ASTORE, 1);
        first.visitVarInsn(Opcodes.RET, 1);
        first.visitMaxs(0, 0);
        first.visitEnd();
        MethodVisitor head = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "head", "([D)D", null, null);
        head.visitCode();
        head.visitVarInsn(Opcodes.ALOAD, 0);
        head.visitInsn(Opcodes.ICONST_0);
        head.visitInsn(Opcodes.DALOAD);
        head.visitInsn(Opcodes.DRETURN);
        head.visitMaxs(0, 0);
        head.visitEnd();
        MethodVisitor twice = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "twice", "([D)D", null, null);
        twice.visitCode();
        twice.visitLdcInsn(2.0);
        twice.visitVarInsn(Opcodes.ALOAD, 0);
        twice.visitMethodInsn(Opcodes.INVOKESTATIC, "com/example/old/Subroutine", "first", "([D)D", false);
        twice.visitInsn(Opcodes.DMUL);
        twice.visitInsn(Opcodes.DRETURN);
        twice.visitMaxs(0, 0);
        twice.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode node, String name) {
        return node.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static String text(MethodNode m) {
        Textifier t = new Textifier();
        m.accept(new TraceMethodVisitor(t));
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w));
        return w.toString();
    }
}
