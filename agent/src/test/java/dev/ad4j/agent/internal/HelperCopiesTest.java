package dev.ad4j.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/** Copies of the statement helpers, one class of them per instrumented class. */
class HelperCopiesTest {

    private static final String RT = "dev/ad4j/internal/runtime/Rt";

    @Test
    void a_copy_has_the_sixteen_statement_helpers_force_inlined_calling_only_each_other_and_verifies()
            throws IOException {
        String name = HelperCopies.PREFIX + "Test";
        byte[] copy = copies(List.of()).copy(name);
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(copy), HelperCopiesTest.class.getClassLoader(), false,
                new PrintWriter(problems));
        assertEquals("", problems.toString());

        ClassNode c = new ClassNode();
        new ClassReader(copy).accept(c, 0);
        Set<String> methods = new TreeSet<>();
        for (MethodNode m : c.methods) {
            methods.add(m.name + m.desc);
            assertEquals(1, m.visibleAnnotations.size(), m.name);
            assertEquals(ForceInlineMarks.FORCE_INLINE, m.visibleAnnotations.get(0).desc);
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call && isStatementHelper(call.name)) {
                    assertEquals(name, call.owner, m.name + " calls " + call.owner + "." + call.name);
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (Method m : Rt.class.getMethods()) {
            if (isStatementHelper(m.getName())) {
                expected.add(m.getName() + org.objectweb.asm.Type.getMethodDescriptor(m));
            }
        }
        assertEquals(16, expected.size());
        assertEquals(expected, methods);
    }

    @Test
    void each_class_gets_copies_of_its_own_until_the_limit_then_they_are_shared() throws IOException {
        List<String> defined = new ArrayList<>();
        HelperCopies copies = copies(defined);
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < HelperCopies.MAX_COPIES; i++) {
            owners.add(copies.apply("com/acme/C" + i));
        }
        assertEquals(HelperCopies.MAX_COPIES, owners.size());
        assertEquals(HelperCopies.MAX_COPIES, defined.size());
        assertEquals(copies.apply("com/acme/C7"), copies.apply("com/acme/C7"));
        String shared = copies.apply("com/acme/Late");
        assertTrue(owners.contains(shared), shared);
        assertEquals(HelperCopies.MAX_COPIES, defined.size()); // no class defined twice
    }

    @Test
    void a_copy_that_cannot_be_defined_leaves_the_class_on_rt() throws IOException {
        HelperCopies copies = new HelperCopies(rtClassFile(), bytes -> {
            throw new IllegalAccessException("no");
        });
        assertEquals(RT, copies.apply("com/acme/A"));
    }

    @Test
    void a_defined_copy_records_what_rt_records() throws Exception {
        // Defined beside this test's Rt (the application loader here; the boot loader under the agent).
        HelperCopies copies = new HelperCopies(rtClassFile(),
                bytes -> MethodHandles.privateLookupIn(Rt.class, MethodHandles.lookup()).defineClass(bytes));
        String owner = copies.apply("com/acme/Recorded" + System.nanoTime());
        assertNotEquals(RT, owner);
        Class<?> copy = Class.forName(owner.replace('/', '.'), true, Rt.class.getClassLoader());
        Method acc2 = copy.getMethod("acc2", Tape.class, int.class, int.class, int.class, double.class, int.class,
                double.class, double.class);
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int[] in = new int[2];
            t.inputs(new double[] {3, 4}, in);
            int viaCopy = (int) acc2.invoke(null, t, 0, 0, in[0], 2.0, in[1], 5.0, 26.0);
            int viaRt = Rt.acc2(t, 0, 0, in[0], 2.0, in[1], 5.0, 26.0);
            assertEquals(viaCopy + 1, viaRt);
            assertEquals(4, t.stats().statements());
            assertEquals(4, t.stats().arguments());
            for (int k = 0; k < 2; k++) {
                assertEquals(t.argPositions()[k], t.argPositions()[k + 2]);
                assertEquals(t.partials()[k], t.partials()[k + 2]);
            }
            assertEquals(5.0, t.partials()[1]);
        } finally {
            t.end();
        }
    }

    private static boolean isStatementHelper(String name) {
        return name.matches("(acc|expr)[1-8]");
    }

    private static HelperCopies copies(List<String> defined) throws IOException {
        return new HelperCopies(rtClassFile(), bytes -> {
            ClassNode c = new ClassNode();
            new ClassReader(bytes).accept(c, ClassReader.SKIP_CODE);
            defined.add(c.name);
        });
    }

    private static byte[] rtClassFile() throws IOException {
        try (InputStream in = Rt.class.getResourceAsStream("Rt.class")) {
            return in.readAllBytes();
        }
    }
}
