package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * The instruction list of a rewritten method under construction, with the small idioms every
 * expansion uses: parking operands in temps, loading the tape, calling the runtime. Expansions
 * are straight-line code: they never branch, so the method's frames stay valid.
 */
final class Emitter {

    final InsnList out = new InsnList();
    final ShadowLocals shadows;
    /** The class being rewritten, whose statement helpers ({@link StatementHelpers}) this method calls. */
    private final String className;
    private String statementOwner;

    Emitter(ShadowLocals shadows, String className) {
        this.shadows = shadows;
        this.className = className;
    }

    void add(AbstractInsnNode insn) {
        out.add(insn);
    }

    void op(int opcode) {
        out.add(new InsnNode(opcode));
    }

    void var(int opcode, int slot) {
        out.add(new VarInsnNode(opcode, slot));
    }

    void tape() {
        var(ALOAD, shadows.tape());
    }

    void rt(String name, String desc) {
        out.add(RuntimeContract.call(name, desc));
    }

    /** A call of the statement helper {@code name} ({@code accN}, {@code exprN}) this method uses. */
    void statement(String name, String desc) {
        if (statementOwner == null) { // asked at the first statement: a class with none takes no copies
            statementOwner = StatementHelpers.ownerFor(className);
        }
        out.add(new MethodInsnNode(INVOKESTATIC, statementOwner, name, desc, false));
    }

    void intConst(int value) {
        out.add(intConstInsn(value));
    }

    /** The shortest instruction that pushes {@code value}. */
    static AbstractInsnNode intConstInsn(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /**
     * Parks the operands {@code params[from..]} (on top of the stack) in temps and pushes them
     * back, so that they can be read again after the instruction consumed them.
     *
     * @return the temp of each parameter (entries before {@code from} unused)
     */
    int[] spill(Type[] params, int from) {
        int[] temps = new int[params.length];
        for (int i = from; i < params.length; i++) {
            temps[i] = shadows.temp(params[i]);
        }
        for (int i = params.length - 1; i >= from; i--) {
            var(params[i].getOpcode(ISTORE), temps[i]);
        }
        for (int i = from; i < params.length; i++) {
            var(params[i].getOpcode(ILOAD), temps[i]);
        }
        return temps;
    }

    /** Copies the value on top of the stack (of type {@code t}) into a fresh temp. */
    int keepTop(Type t) {
        int temp = shadows.temp(t);
        op(t.getSize() == 2 ? DUP2 : DUP);
        var(t.getOpcode(ISTORE), temp);
        return temp;
    }

    void copyShadow(int from, int to) {
        var(ILOAD, from);
        var(ISTORE, to);
    }

    /** Marks the double at {@code stackPosition} passive. */
    void passive(int stackPosition) {
        op(ICONST_0);
        var(ISTORE, shadows.stack(stackPosition));
    }
}
