package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The {@link RecordingBody recording bodies} one class will have, planned before any of its
 * methods is rewritten, so that a recording body can call another one of its class directly.
 *
 * <p>A body takes, after the method's own parameters, the tape and one index per double
 * parameter: {@code static double f$ad4j(double x, Tape t, int ix)} for {@code static double
 * f(double x)}. The method users call hands its arguments to a small entry method
 * ({@code f$ad4j$in}), which fetches the tape and takes the indices from the call registers, so
 * that the method users call stays a few bytes over its original size; a body calling a static, private or final method of its own class already holds the
 * tape and the indices, and passes them on. That saves, per call, the tape lookup, the register
 * writes and the checks of each register against its value, which for a one-line helper called
 * in a loop (the logistic map's {@code step}) were most of the call's cost. Methods that may be
 * overridden, and {@code synchronized} ones (the method users call holds the monitor), are
 * always entered through the method users call.
 *
 * <p>Only a recording body calls directly (its tape is never null), and a callee whose body
 * could not be written after all gets an adapter of the planned name that calls the original
 * method, so a direct call never names a missing method.
 */
final class RecordingBodies {

    private final ClassNode host;
    /** By name and descriptor of the original: the call that enters its body. */
    private final Map<String, MethodInsnNode> bodies = new HashMap<>();
    /** By name and descriptor of the original: the call of its entry from the method users call. */
    private final Map<String, MethodInsnNode> entries = new HashMap<>();
    /** Names and descriptors of the originals that a body may enter directly. */
    private final Set<String> direct = new HashSet<>();

    RecordingBodies(ClassNode host) {
        this.host = host;
        Set<String> taken = new HashSet<>();
        for (MethodNode m : host.methods) {
            taken.add(m.name + m.desc);
        }
        for (MethodNode m : host.methods) {
            if (!RecordingBody.applies(host, m) || !MethodRewriter.needsRewrite(m)
                    || ElementaryCalls.isElementary(host.name, m.name, m.desc, m.access)) {
                continue;
            }
            MethodInsnNode body = freshMethod(taken, m.name + RecordingBody.SUFFIX, bodyDesc(host.name, m));
            bodies.put(m.name + m.desc, body);
            entries.put(m.name + m.desc, freshMethod(taken, body.name + "$in", entryDesc(host.name, m)));
            boolean fixed = (m.access & (ACC_STATIC | ACC_PRIVATE | ACC_FINAL)) != 0 || (host.access & ACC_FINAL) != 0;
            if (fixed && (m.access & ACC_SYNCHRONIZED) == 0) {
                direct.add(m.name + m.desc);
            }
        }
    }

    /** A static method of the host named {@code base} (or {@code base1}, ... if taken), now taken. */
    private MethodInsnNode freshMethod(Set<String> taken, String base, String desc) {
        String name = base;
        for (int k = 1; taken.contains(name + desc); k++) {
            name = base + k;
        }
        taken.add(name + desc);
        return new MethodInsnNode(INVOKESTATIC, host.name, name, desc, (host.access & ACC_INTERFACE) != 0);
    }

    /** @return the call that enters the body of {@code method}, or null if it gets none */
    MethodInsnNode bodyOf(MethodNode method) {
        MethodInsnNode call = bodies.get(method.name + method.desc);
        return call == null ? null : (MethodInsnNode) call.clone(null);
    }

    /** @return the call, from the method users call, of the entry to the body of {@code method} */
    MethodInsnNode entryOf(MethodNode method) {
        return (MethodInsnNode) entries.get(method.name + method.desc).clone(null);
    }

    /** @return the call of the body that {@code call} may enter directly, or null if it must call as written */
    MethodInsnNode directCall(MethodInsnNode call) {
        if (!call.owner.equals(host.name) || !direct.contains(call.name + call.desc)) {
            return null;
        }
        MethodNode target = find(call.name, call.desc);
        boolean isStatic = (target.access & ACC_STATIC) != 0;
        if (isStatic != (call.getOpcode() == INVOKESTATIC)) {
            return null; // does not link as written; let the JVM report it
        }
        return (MethodInsnNode) bodies.get(call.name + call.desc).clone(null);
    }

    /**
     * Adds, for each method that a body may enter directly but whose body is missing from
     * {@code host} (its rewriting failed), a body of the planned name that calls the method as
     * it is: its derivatives are lost, as for any method that is not instrumented.
     */
    void adaptMissing() {
        Set<String> present = new HashSet<>();
        for (MethodNode m : host.methods) {
            present.add(m.name + m.desc);
        }
        for (String key : direct) {
            MethodInsnNode body = bodies.get(key);
            if (!present.contains(body.name + body.desc)) {
                MethodNode original = find(key.substring(0, key.indexOf('(')), key.substring(key.indexOf('(')));
                host.methods.add(adapter(original, body));
            }
        }
    }

    private MethodNode adapter(MethodNode original, MethodInsnNode body) {
        MethodNode adapter = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, body.name, body.desc, null, null);
        boolean instance = (original.access & ACC_STATIC) == 0;
        int slot = RecordingBody.loadArguments(original, adapter.instructions);
        int opcode = !instance ? INVOKESTATIC : (original.access & ACC_PRIVATE) != 0 ? INVOKESPECIAL
                : (host.access & ACC_INTERFACE) != 0 ? INVOKEINTERFACE : INVOKEVIRTUAL;
        adapter.instructions.add(new MethodInsnNode(opcode, host.name, original.name, original.desc,
                (host.access & ACC_INTERFACE) != 0));
        int tape = slot;
        int result = tape + 1 + ShadowLocals.doubleParameterSlots(original).length;
        if (Type.getReturnType(original.desc).getSort() == Type.DOUBLE) {
            // A direct caller takes the return register unchecked, as a body's last act sets it.
            // The original may have left it set by an instrumented method it called: the value
            // keeps that index only if it is that method's result, as after any call.
            adapter.instructions.add(new InsnNode(DUP2));
            adapter.instructions.add(new VarInsnNode(DSTORE, result));
            adapter.instructions.add(new VarInsnNode(ALOAD, tape));
            adapter.instructions.add(new VarInsnNode(ALOAD, tape));
            adapter.instructions.add(new VarInsnNode(DLOAD, result));
            adapter.instructions.add(RuntimeContract.call("result", RuntimeContract.RESULT_DESC));
            adapter.instructions.add(new VarInsnNode(DLOAD, result));
            adapter.instructions.add(RuntimeContract.call("ret", RuntimeContract.RET_DESC));
        }
        adapter.instructions.add(new InsnNode(Type.getReturnType(original.desc).getOpcode(IRETURN)));
        adapter.maxLocals = result + 2;
        adapter.maxStack = Math.max(slot, 7);
        return adapter;
    }

    private MethodNode find(String name, String desc) {
        for (MethodNode m : host.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        throw new IllegalStateException(host.name + "." + name + desc + " is gone");
    }

    /** The body's descriptor: receiver (if any), the parameters, the tape, one int per double parameter. */
    static String bodyDesc(String owner, MethodNode method) {
        StringBuilder sb = new StringBuilder("(");
        if ((method.access & ACC_STATIC) == 0) {
            sb.append('L').append(owner).append(';');
        }
        for (Type t : Type.getArgumentTypes(method.desc)) {
            sb.append(t.getDescriptor());
        }
        sb.append(RuntimeContract.TAPE_DESC);
        sb.append("I".repeat(ShadowLocals.doubleParameterSlots(method).length));
        return sb.append(')').append(Type.getReturnType(method.desc).getDescriptor()).toString();
    }

    /** The entry's descriptor: the method's, with the receiver (if any) as first parameter. */
    private static String entryDesc(String owner, MethodNode method) {
        return (method.access & ACC_STATIC) == 0 ? "(L" + owner + ";" + method.desc.substring(1) : method.desc;
    }

    /** Local slots taken by the receiver (if any) and the parameters of {@code method}. */
    static int argumentSlots(MethodNode method) {
        return (Type.getArgumentsAndReturnSizes(method.desc) >> 2) - ((method.access & ACC_STATIC) != 0 ? 1 : 0);
    }
}
