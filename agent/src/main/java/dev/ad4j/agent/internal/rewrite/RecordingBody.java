package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Moves a rewritten body into a method of its own, so that the method users call keeps its
 * original instructions: it asks {@code Rt.recording()} first and, only when the thread records,
 * calls the rewritten body through a small {@link #entry} that fetches the tape. The rewritten
 * body becomes a {@code private static synthetic} method that takes the receiver as its first
 * parameter, so its locals keep their slots, and the tape and its double parameters' indices
 * after the method's own parameters ({@link RecordingBodies}).
 *
 * <p>Why not keep both bodies in one method ({@link PassiveCopy})? Size. The JIT judges a method
 * by its bytecode size: it inlines callees up to a few hundred bytes and never compiles a method
 * over 8000 bytes ({@code -XX:HugeMethodLimit}). A rewritten body is several times the original,
 * so one combined method would be inlined less than the original and, for a thousand-byte
 * original, not compiled at all, and code that is not recording would run interpreted. Split, the
 * method users call is a few bytes over its original size. Constructors cannot hand their body to
 * another method, and interfaces before class file version 53 cannot declare private methods;
 * those keep the {@link PassiveCopy}.
 */
final class RecordingBody {

    /** Suffix of the methods holding rewritten bodies. */
    static final String SUFFIX = "$ad4j";

    private RecordingBody() {
    }

    /** @return whether {@code method} of {@code host} can hand its rewritten body to a method of its own */
    static boolean applies(ClassNode host, MethodNode method) {
        if (method.name.equals("<init>") || method.name.equals("<clinit>")) {
            return false;
        }
        return ClassVersions.declaresPrivateMethods(host);
    }

    /**
     * Makes {@code host.methods[i]}, already rewritten, the body of a new private static method
     * appended to {@code host.methods} ({@code bodyCall}, planned by {@link RecordingBodies}), and
     * puts in its place {@code original} (an untouched copy of the same method) behind the
     * dispatch: when {@code Rt.recording()} says the thread records, the method calls its
     * {@link #entry} ({@code entryCall}, which the caller adds to {@code host} after all bodies),
     * which passes the tape and the double parameters' indices to the body.
     *
     * @return the new method holding the rewritten body
     */
    static MethodNode split(ClassNode host, int i, MethodNode original, MethodInsnNode bodyCall,
            MethodInsnNode entryCall) {
        MethodNode rewritten = host.methods.get(i);
        MethodNode body = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC | (rewritten.access & ACC_STRICT),
                bodyCall.name, bodyCall.desc, null, rewritten.exceptions.toArray(new String[0]));
        body.instructions = rewritten.instructions;
        // A MethodNode resets its labels only when it was visited itself; the size check wrote
        // these instructions as part of the other node, and stale labels would patch wrong offsets.
        body.instructions.resetLabels();
        body.tryCatchBlocks = rewritten.tryCatchBlocks;
        body.localVariables = rewritten.localVariables;
        body.maxLocals = rewritten.maxLocals;
        body.maxStack = rewritten.maxStack;

        LabelNode recording = new LabelNode();
        InsnList dispatch = new InsnList();
        dispatch.add(RuntimeContract.call("recording", "()Z"));
        dispatch.add(new JumpInsnNode(IFNE, recording));
        original.instructions.insert(dispatch);

        InsnList call = new InsnList();
        call.add(recording);
        if (ClassVersions.hasFrames(host)) {
            call.add(PassiveCopy.entryFrame(host.name, original));
        }
        int slot = loadArguments(original, call);
        call.add(entryCall);
        call.add(new InsnNode(Type.getReturnType(original.desc).getOpcode(IRETURN)));
        original.instructions.add(call);
        original.maxStack = Math.max(original.maxStack, Math.max(slot, 1));

        host.methods.set(i, original);
        host.methods.add(body);
        return body;
    }

    /**
     * The entry to a body from the method users call: fetches the tape, takes the indices of the
     * double parameters from the call registers and calls the body with them. Kept apart so that
     * the method users call, which the JIT judges by its size when inlining it into code that is
     * not recording, grows by the dispatch only.
     */
    static MethodNode entry(MethodNode original, MethodInsnNode entryCall, MethodInsnNode bodyCall) {
        MethodNode entry = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, entryCall.name, entryCall.desc,
                null, null);
        InsnList code = entry.instructions;
        int tape = RecordingBodies.argumentSlots(original);
        code.add(RuntimeContract.call("enter", RuntimeContract.ENTER_DESC));
        code.add(new VarInsnNode(ASTORE, tape));
        int slot = loadArguments(original, code);
        code.add(new VarInsnNode(ALOAD, tape));
        int[] doubles = ShadowLocals.doubleParameterSlots(original);
        for (int j = 0; j < doubles.length; j++) {
            code.add(new VarInsnNode(ALOAD, tape));
            code.add(new VarInsnNode(DLOAD, doubles[j]));
            code.add(Emitter.intConstInsn(j));
            code.add(Emitter.intConstInsn(doubles.length));
            code.add(RuntimeContract.call("param", RuntimeContract.PARAM_DESC));
        }
        if (doubles.length > 0) {
            code.add(new VarInsnNode(ALOAD, tape));
            code.add(RuntimeContract.call("endParams", RuntimeContract.END_PARAMS_DESC));
        }
        code.add(bodyCall);
        code.add(new InsnNode(Type.getReturnType(original.desc).getOpcode(IRETURN)));
        entry.maxLocals = tape + 1;
        entry.maxStack = slot + doubles.length + 6;
        return entry;
    }

    /** Adds the loads of {@code method}'s receiver (if any) and parameters; returns their slots. */
    static int loadArguments(MethodNode method, InsnList code) {
        int slot = 0;
        if ((method.access & ACC_STATIC) == 0) {
            code.add(new VarInsnNode(ALOAD, slot++));
        }
        for (Type t : Type.getArgumentTypes(method.desc)) {
            code.add(new VarInsnNode(t.getOpcode(ILOAD), slot));
            slot += t.getSize();
        }
        return slot;
    }

    /**
     * The methods whose recording body, unlike the method itself, is over
     * {@link ClassRewriter#HUGE_METHOD_LIMIT}: recording through them runs in the interpreter.
     *
     * @param bodies the recording bodies of {@code host}, each with the method it came from
     * @param classFile {@code host} as written
     * @return each as {@code class.method(descriptor) (N bytes)}
     */
    static List<String> overCompileLimit(ClassNode host, Map<MethodNode, MethodNode> bodies, byte[] classFile) {
        List<String> over = new ArrayList<>();
        Map<String, Integer> sizes = null;
        for (Map.Entry<MethodNode, MethodNode> e : bodies.entrySet()) {
            MethodNode body = e.getKey();
            MethodNode caller = e.getValue();
            if (body.instructions.size() < ClassRewriter.SURELY_SMALL) {
                continue;
            }
            if (sizes == null) {
                sizes = CodeSizes.of(classFile);
            }
            int size = sizes.getOrDefault(body.name + body.desc, 0);
            if (size > ClassRewriter.HUGE_METHOD_LIMIT
                    && sizes.getOrDefault(caller.name + caller.desc, 0) <= ClassRewriter.HUGE_METHOD_LIMIT) {
                over.add(host.name.replace('/', '.') + "." + caller.name + caller.desc + " (" + size + " bytes)");
            }
        }
        return over;
    }
}
