package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.numeric.ArrayLoads;
import com.example.numeric.CompoundElements;
import com.example.numeric.PrimedCaches;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Each cached array access tests its cache in a small method of its own, so that the JIT
 * profiles every site apart (SiteGuards); gradients through them are checked by the tests of
 * the fixtures (ExpressionFormsTest, RewrittenGradientsTest) and the verifier by
 * EveryTargetVerifiesTest.
 */
class SiteGuardsTest {

    /** HotSpot inlines a method of at most this many bytes wherever it is called ({@code -XX:MaxInlineSize}). */
    private static final int ALWAYS_INLINED = 35;

    @Test
    void every_cached_access_calls_a_guard_of_its_own_that_the_jit_always_inlines() throws IOException {
        for (Class<?> fixture : new Class<?>[] {PrimedCaches.class, ArrayLoads.class, CompoundElements.class}) {
            byte[] rewritten = ClassRewriter.rewrite(classFile(fixture));
            ClassNode node = read(rewritten);
            Map<String, Integer> calls = new HashMap<>();
            for (MethodNode m : node.methods) {
                boolean guard = isGuard(m.name);
                for (AbstractInsnNode insn : m.instructions) {
                    if (!(insn instanceof MethodInsnNode)) {
                        continue;
                    }
                    MethodInsnNode call = (MethodInsnNode) insn;
                    if (call.owner.equals(node.name) && isGuard(call.name)) {
                        calls.merge(call.name, 1, Integer::sum);
                    }
                    if (!guard && call.owner.equals(RuntimeContract.RT)) {
                        assertFalse(call.name.equals("shadowAt") || call.name.equals("dastoreAt"),
                                fixture.getSimpleName() + "." + m.name + " calls the shared Rt." + call.name);
                    }
                }
            }
            Map<String, Integer> sizes = CodeSizes.of(rewritten);
            long guards = node.methods.stream().filter(m -> isGuard(m.name)).count();
            assertTrue(guards > 0, fixture.getSimpleName());
            assertEquals(guards, calls.size(), fixture.getSimpleName() + ": a guard nothing calls, or a call to none");
            for (MethodNode m : node.methods) {
                if (isGuard(m.name)) {
                    assertEquals(1, calls.get(m.name), m.name + " is one site's own");
                    assertEquals(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, m.access, m.name);
                    int size = sizes.get(m.name + m.desc);
                    assertTrue(size <= ALWAYS_INLINED, m.name + " has " + size + " bytes");
                }
            }
        }
    }

    @Test
    void an_interface_that_cannot_declare_private_methods_calls_the_shared_helpers() {
        ClassNode itf = new ClassNode();
        itf.version = Opcodes.V1_8;
        itf.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
        itf.name = "com/example/Old";
        SiteGuards guards = new SiteGuards(itf);
        assertEquals(RuntimeContract.RT, guards.shadowAt().owner);
        assertEquals(RuntimeContract.RT, guards.dastoreAt().owner);

        itf.version = Opcodes.V9;
        MethodInsnNode own = new SiteGuards(itf).shadowAt();
        assertEquals("com/example/Old", own.owner);
        assertTrue(own.itf, "a static method of an interface is called as one");
    }

    private static boolean isGuard(String name) {
        return name.startsWith("ad4j$shadow$") || name.startsWith("ad4j$store$");
    }

    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = SiteGuardsTest.class.getResourceAsStream("/" + Type.getInternalName(c) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static ClassNode read(byte[] classFile) {
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }
}
