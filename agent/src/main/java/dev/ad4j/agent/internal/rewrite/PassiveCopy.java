package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The original body of a method, kept after its rewritten body and taken when the thread is not
 * recording: code that is not being differentiated then runs its own instructions, which the JIT
 * compiles as if there were no agent (no index bookkeeping, no partials to compute, loops that
 * vectorize). The rewritten body computes the same primal values, so the two are interchangeable.
 * Only for methods that cannot hand their rewritten body to a {@link RecordingBody}: constructors,
 * and methods of interfaces older than class file version 53.
 */
final class PassiveCopy {

    private final String owner;
    private final boolean frames;
    private final MethodNode original;
    private final LabelNode start = new LabelNode();

    /** @param original an untouched copy of the method, read from the class file again */
    PassiveCopy(ClassNode host, MethodNode original) {
        this.owner = host.name;
        this.frames = ClassVersions.hasFrames(host);
        this.original = original;
    }

    /** The jump to the original body, right after the prologue fetched the tape into {@code tapeSlot}. */
    void branch(Emitter e, int tapeSlot) {
        e.var(ALOAD, tapeSlot);
        e.add(new JumpInsnNode(IFNULL, start));
    }

    /** Appends the original body, with its handlers and debug information, to {@code target}. */
    void append(MethodNode target, InsnList body) {
        body.add(start);
        if (frames) {
            body.add(entryFrame(owner, original));
            body.add(new InsnNode(NOP)); // the original body may open with a frame of its own
        }
        body.add(original.instructions);
        target.tryCatchBlocks.addAll(original.tryCatchBlocks);
        if (original.localVariables != null) {
            if (target.localVariables == null) {
                target.localVariables = new ArrayList<>();
            }
            target.localVariables.addAll(original.localVariables);
        }
    }

    /** The frame on entry to {@code original}, a method of {@code owner}. */
    static FrameNode entryFrame(String owner, MethodNode original) {
        Object[] locals = entryLocals(owner, original).toArray();
        return new FrameNode(F_NEW, locals.length, locals, 0, new Object[0]);
    }

    /** The locals on entry to {@code original}, a method of {@code owner}: the receiver and the parameters. */
    private static List<Object> entryLocals(String owner, MethodNode original) {
        List<Object> locals = new ArrayList<>();
        if ((original.access & ACC_STATIC) == 0) {
            locals.add(original.name.equals("<init>") ? UNINITIALIZED_THIS : owner);
        }
        for (Type t : Type.getArgumentTypes(original.desc)) {
            switch (t.getSort()) {
                case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                    locals.add(INTEGER);
                    break;
                case Type.FLOAT:
                    locals.add(FLOAT);
                    break;
                case Type.LONG:
                    locals.add(LONG);
                    break;
                case Type.DOUBLE:
                    locals.add(DOUBLE);
                    break;
                case Type.ARRAY:
                    locals.add(t.getDescriptor());
                    break;
                default:
                    locals.add(t.getInternalName());
            }
        }
        return locals;
    }
}
