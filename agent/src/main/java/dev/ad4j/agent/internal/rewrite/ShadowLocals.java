package dev.ad4j.agent.internal.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Owns the local variables a rewritten method adds after the original ones: the tape, one
 * {@code int} shadow per original double local slot, one {@code int} shadow per operand-stack
 * position that ever holds a double (the verifier fixes the stack layout at each instruction,
 * so a position is a stable home for its index), and scratch temps that live only inside the
 * expansion of one instruction. Shadows are assigned in the prologue and are therefore plain
 * {@code int}s at every frame, which is why frames can be extended instead of recomputed.
 */
final class ShadowLocals {

    private final int originalMaxLocals;
    private final int tape;
    /** In a static initializer: the caller's saved call registers; else -1. */
    private final int savedRegisters;
    private final int[] localShadow;
    private final int[] stackShadow;
    private final int shadowEnd;
    private int tempNext;

    ShadowLocals(MethodNode method, Frame<BasicValue>[] frames) {
        originalMaxLocals = method.maxLocals;
        tape = originalMaxLocals;
        int next = tape + 1;
        savedRegisters = method.name.equals("<clinit>") ? next++ : -1;
        int firstInt = next;

        boolean[] doubleSlot = new boolean[Math.max(1, originalMaxLocals)];
        for (int slot : doubleParameterSlots(method)) {
            doubleSlot[slot] = true;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (insn.getOpcode() == Opcodes.DLOAD || insn.getOpcode() == Opcodes.DSTORE) {
                doubleSlot[((VarInsnNode) insn).var] = true;
            }
        }
        localShadow = new int[doubleSlot.length];
        for (int v = 0; v < doubleSlot.length; v++) {
            localShadow[v] = doubleSlot[v] ? next++ : -1;
        }

        int maxStack = 0;
        for (Frame<BasicValue> f : frames) {
            if (f != null) {
                maxStack = Math.max(maxStack, f.getStackSize());
            }
        }
        boolean[] doubleAt = new boolean[maxStack + 1];
        for (Frame<BasicValue> f : frames) {
            if (f != null) {
                for (int i = 0; i < f.getStackSize(); i++) {
                    if (f.getStack(i) == BasicValue.DOUBLE_VALUE) {
                        doubleAt[i] = true;
                    }
                }
            }
        }
        stackShadow = new int[doubleAt.length];
        for (int i = 0; i < doubleAt.length; i++) {
            stackShadow[i] = doubleAt[i] ? next++ : -1;
        }
        shadowEnd = next;
        tempNext = shadowEnd;
        this.firstInt = firstInt;
    }

    private final int firstInt;

    /** @return the slot of the saved call registers in a static initializer, or -1 */
    int savedRegisters() {
        return savedRegisters;
    }

    /** @return the local slots of the method's double parameters, in declaration order */
    static int[] doubleParameterSlots(MethodNode method) {
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        List<Integer> slots = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(method.desc)) {
            if (t.getSort() == Type.DOUBLE) {
                slots.add(slot);
            }
            slot += t.getSize();
        }
        return slots.stream().mapToInt(Integer::intValue).toArray();
    }

    int tape() {
        return tape;
    }

    /** @return the shadow of double local slot {@code v} */
    int local(int v) {
        int s = v < localShadow.length ? localShadow[v] : -1;
        if (s < 0) {
            throw new IllegalStateException("no shadow for double local " + v);
        }
        return s;
    }

    /** @return the shadow of the double at operand stack position {@code i} (0 = bottom) */
    int stack(int i) {
        int s = i < stackShadow.length ? stackShadow[i] : -1;
        if (s < 0) {
            throw new IllegalStateException("no shadow for double at stack position " + i);
        }
        return s;
    }

    /** @return all int shadow slots, to be zeroed in the prologue */
    int[] allShadows() {
        int[] all = new int[shadowEnd - firstInt];
        for (int i = 0; i < all.length; i++) {
            all[i] = firstInt + i;
        }
        return all;
    }

    /** Starts the expansion of a new instruction: earlier temps are dead. */
    void resetTemps() {
        tempNext = shadowEnd;
    }

    /** @return a fresh scratch slot for a value of type {@code t}, live until {@link #resetTemps} */
    int temp(Type t) {
        int slot = tempNext;
        tempNext += t.getSize();
        return slot;
    }

    /**
     * Extends an expanded frame's locals with the tape and the shadows, padding the original
     * locals with TOP up to the original maximum.
     */
    List<Object> extend(List<Object> locals) {
        List<Object> out = new ArrayList<>(locals == null ? List.of() : locals);
        int slots = 0;
        for (Object o : out) {
            slots += (o == Opcodes.LONG || o == Opcodes.DOUBLE) ? 2 : 1;
        }
        while (slots < originalMaxLocals) {
            out.add(Opcodes.TOP);
            slots++;
        }
        out.add(RuntimeContract.TAPE);
        if (savedRegisters >= 0) {
            out.add("java/lang/Object");
        }
        Object[] ints = new Object[shadowEnd - firstInt];
        Arrays.fill(ints, Opcodes.INTEGER);
        out.addAll(Arrays.asList(ints));
        return out;
    }
}
