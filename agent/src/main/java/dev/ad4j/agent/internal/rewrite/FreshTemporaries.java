package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Which operand-stack positions hold the fresh result of an operation that nothing else holds
 * yet (no local, array, field, register or copy). The next operation on such a value may be
 * folded into its tape statement; the rewriter says so by passing the index negated. Any doubt
 * (a label, a copy, a consumer that is not an operation) clears the flag.
 */
final class FreshTemporaries {

    private final boolean[] fresh;

    FreshTemporaries(int maxStack) {
        fresh = new boolean[maxStack + 1];
    }

    boolean isFresh(int position) {
        return fresh[position];
    }

    /** An operation consumed the values from {@code base} up and left its fresh result there. */
    void produced(int base) {
        clearFrom(base);
        fresh[base] = true;
    }

    /** Updates the flags after {@code insn}, unless it is an operation (those call {@link #produced}). */
    void after(AbstractInsnNode insn, Frame<BasicValue> before, Frame<BasicValue> next) {
        int op = insn.getOpcode();
        if (before == null || next == null || insn instanceof LabelNode) {
            clearFrom(0); // control flow merges here, or nothing follows
            return;
        }
        if (op < 0 || isOperation(insn)) {
            return;
        }
        int sz = before.getStackSize();
        int from;
        if (isPurePush(op)) {
            from = sz;
        } else if (op >= DUP && op <= SWAP) {
            from = sz - 4; // the values a DUP form copies
        } else {
            // Whatever the instruction popped (it may push a new value at the same position).
            from = Math.min(sz, next.getStackSize()) - 1;
        }
        clearFrom(Math.max(0, from));
    }

    private void clearFrom(int position) {
        Arrays.fill(fresh, Math.min(position, fresh.length), fresh.length, false);
    }

    /** @return whether the rewriter treats {@code insn} as an operation (one tape statement) */
    static boolean isOperation(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case DADD: case DSUB: case DMUL: case DDIV: case DREM: case DNEG:
                return true;
            case INVOKESTATIC:
                MethodInsnNode m = (MethodInsnNode) insn;
                return ElementaryCalls.helper(m.owner, m.name, m.desc) != null;
            default:
                return false;
        }
    }

    static boolean isPurePush(int op) {
        switch (op) {
            case ACONST_NULL: case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3:
            case ICONST_4: case ICONST_5: case LCONST_0: case LCONST_1: case FCONST_0: case FCONST_1:
            case FCONST_2: case DCONST_0: case DCONST_1: case BIPUSH: case SIPUSH: case LDC:
            case ILOAD: case LLOAD: case FLOAD: case DLOAD: case ALOAD: case GETSTATIC: case NEW:
                return true;
            default:
                return false;
        }
    }
}
