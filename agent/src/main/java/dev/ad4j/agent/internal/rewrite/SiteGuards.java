package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.F_NEW;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IF_ACMPNE;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INTEGER;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.RETURN;

import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Per-site copies of the fast-path tests of cached array accesses ({@link ShadowCaches}): each
 * cached DALOAD/DASTORE calls a tiny private method of its own class instead of the shared
 * {@code Rt.shadowAt}/{@code Rt.dastoreAt}.
 *
 * <p>Why: the JIT compiles a branch as never taken only if its profile never saw it taken, and a
 * helper's profile is shared by every caller in the JVM. One array access anywhere that misses
 * its cache (a matrix row per outer iteration, an array that gets its shadow mid-loop) makes the
 * miss path, a call, part of every compiled loop, which must then reload the tape's fields on
 * each iteration; logistic regression ran 1.9x slower after other instrumented code had run. A
 * method per site has a profile per site, so a loop whose own accesses never miss compiles
 * without the call. Each method is under the JIT's always-inline size.
 */
final class SiteGuards {

    private static final String SHADOW_PREFIX = "ad4j$shadow$";
    private static final String STORE_PREFIX = "ad4j$store$";

    private final String owner;
    private final boolean itf;
    private final boolean enabled;
    private final boolean frames;
    private int next;

    SiteGuards(ClassNode host) {
        this.owner = host.name;
        this.itf = (host.access & Opcodes.ACC_INTERFACE) != 0;
        this.enabled = ClassVersions.declaresPrivateMethods(host);
        this.frames = ClassVersions.hasFrames(host);
    }

    /** The call that brings a shadow cache up to date, with {@code Rt.shadowAt}'s operands and result. */
    MethodInsnNode shadowAt() {
        return call(SHADOW_PREFIX, "shadowAt", RuntimeContract.SHADOW_AT_DESC);
    }

    /** The call that stores an index into a cached shadow, with {@code Rt.dastoreAt}'s operands. */
    MethodInsnNode dastoreAt() {
        return call(STORE_PREFIX, "dastoreAt", RuntimeContract.DASTORE_AT_DESC);
    }

    /** A call to a new guard of this class, or to the shared {@code Rt} helper where there can be none. */
    private MethodInsnNode call(String prefix, String shared, String desc) {
        return enabled ? new MethodInsnNode(INVOKESTATIC, owner, prefix + next++, desc, itf)
                : RuntimeContract.call(shared, desc);
    }

    /**
     * Adds to {@code node} the guard methods its methods call. Rewriting attempts that were
     * thrown away took numbers too; only the guards still called are added.
     */
    void addCalled(ClassNode node) {
        Set<String> called = new LinkedHashSet<>();
        for (MethodNode m : node.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode && ((MethodInsnNode) insn).owner.equals(owner)
                        && isGuard(((MethodInsnNode) insn).name)) {
                    called.add(((MethodInsnNode) insn).name);
                }
            }
        }
        for (String name : called) {
            node.methods.add(name.startsWith(SHADOW_PREFIX) ? shadowGuard(name) : storeGuard(name));
        }
    }

    private static boolean isGuard(String name) {
        return name.startsWith(SHADOW_PREFIX) || name.startsWith(STORE_PREFIX);
    }

    /** {@code a == key && epoch == Rt.shadowEpoch(t) ? cached : Rt.primeShadow(t, a)}. */
    private MethodNode shadowGuard(String name) {
        MethodNode m = method(name, RuntimeContract.SHADOW_AT_DESC, 2);
        LabelNode miss = new LabelNode();
        InsnList code = m.instructions;
        vars(code, ALOAD, 1, ALOAD, 2);
        code.add(new JumpInsnNode(IF_ACMPNE, miss));
        vars(code, ILOAD, 4, ALOAD, 0);
        code.add(RuntimeContract.call("shadowEpoch", RuntimeContract.SHADOW_EPOCH_DESC));
        code.add(new JumpInsnNode(IF_ICMPNE, miss));
        vars(code, ALOAD, 3);
        code.add(new InsnNode(ARETURN));
        code.add(miss);
        frame(code, RuntimeContract.TAPE, "[D", "java/lang/Object", "[I", INTEGER);
        vars(code, ALOAD, 0, ALOAD, 1);
        code.add(RuntimeContract.call("primeShadow", RuntimeContract.PRIME_SHADOW_DESC));
        code.add(new InsnNode(ARETURN));
        return m;
    }

    /** {@code if (Rt.storesInPlace(t, s)) s[i] = idx; else Rt.dastoreAt(t, a, s, i, idx)}. */
    private MethodNode storeGuard(String name) {
        MethodNode m = method(name, RuntimeContract.DASTORE_AT_DESC, 5);
        LabelNode slow = new LabelNode();
        InsnList code = m.instructions;
        vars(code, ALOAD, 0, ALOAD, 2);
        code.add(RuntimeContract.call("storesInPlace", RuntimeContract.STORES_IN_PLACE_DESC));
        code.add(new JumpInsnNode(IFEQ, slow));
        vars(code, ALOAD, 2, ILOAD, 3, ILOAD, 4);
        code.add(new InsnNode(IASTORE));
        code.add(new InsnNode(RETURN));
        code.add(slow);
        frame(code, RuntimeContract.TAPE, "[D", "[I", INTEGER, INTEGER);
        vars(code, ALOAD, 0, ALOAD, 1, ALOAD, 2, ILOAD, 3, ILOAD, 4);
        code.add(RuntimeContract.call("dastoreAt", RuntimeContract.DASTORE_AT_DESC));
        code.add(new InsnNode(RETURN));
        return m;
    }

    /** A guard of five parameter slots (its descriptor's), whose code needs {@code maxStack}. */
    private static MethodNode method(String name, String desc, int maxStack) {
        MethodNode m = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, desc, null, null);
        m.maxLocals = 5;
        m.maxStack = maxStack;
        return m;
    }

    /** Appends a VarInsnNode for each (opcode, slot) pair. */
    private static void vars(InsnList code, int... opcodeSlotPairs) {
        for (int k = 0; k < opcodeSlotPairs.length; k += 2) {
            code.add(new VarInsnNode(opcodeSlotPairs[k], opcodeSlotPairs[k + 1]));
        }
    }

    private void frame(InsnList code, Object... locals) {
        if (frames) {
            code.add(new FrameNode(F_NEW, locals.length, locals, 0, new Object[0]));
        }
    }
}
