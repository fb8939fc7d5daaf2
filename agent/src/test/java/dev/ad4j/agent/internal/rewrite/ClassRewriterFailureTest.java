package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.agent.testing.HugeMethodClass;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
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
