package dev.ad4j.agent.internal.rewrite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
    private final int[] localOwner;
    private final int[] stackShadow;
    private final int shadowEnd;
    private int tempNext;

    /**
     * @param keptLocals the double locals (by first slot) that may hold an expression form
     *     ({@link ExpressionForms#keepInLocal}); each gets a block of its own
     */
    ShadowLocals(MethodNode method, Frame<BasicValue>[] frames, boolean expressionForms, BitSet keptLocals,
            int caches) {
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
        localOwner = new int[doubleSlot.length];
        for (int v = 0; v < doubleSlot.length; v++) {
            localShadow[v] = doubleSlot[v] ? next++ : -1;
            localOwner[v] = doubleSlot[v] ? next++ : -1;
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
        // Temps and then the expression forms come after the shadows, so frames never name them:
        // temps die with their instruction and forms are settled before every branch target. Temps come
        // first: low slot numbers keep the rewritten code short (no WIDE prefixes).
        tempNext = shadowEnd;
        tempEnd = shadowEnd + 2 * (maxStack + 1) + 8;
        // The shadow caches live across instructions, so frames name them; after the temps, which
        // they would otherwise push into WIDE slot numbers.
        firstCache = tempEnd;
        this.caches = caches;
        next = tempEnd + 3 * caches;
        formBlock = new int[doubleAt.length];
        for (int i = 0; i < doubleAt.length; i++) {
            formBlock[i] = doubleAt[i] && expressionForms ? next : -1;
            next += formBlock[i] >= 0 ? FORM_BLOCK : 0;
        }
        localFormBlock = new int[localShadow.length];
        for (int v = 0; v < localShadow.length; v++) {
            localFormBlock[v] = localShadow[v] >= 0 && keptLocals.get(v) ? next : -1;
            next += localFormBlock[v] >= 0 ? LOCAL_FORM_BLOCK : 0;
        }
        this.firstInt = firstInt;
    }

    /** End of the temp area: an expansion parks at most the operand stack plus a few values. */
    private final int tempEnd;

    /** Most leaves an expression form holds before it becomes a tape statement. */
    static final int FORM_TERMS = 8;
    /** Per double stack position: leaf indices 1.. (0 is the stack shadow), partials, value, elementary index. */
    private static final int FORM_BLOCK = (FORM_TERMS - 1) + 2 * FORM_TERMS + 2 + 1;
    private final int[] formBlock;

    private int formBlock(int i) {
        return slot(formBlock, i, "no expression form for a double at stack position ");
    }

    /** {@code table[i]}, a slot this method was given; -1 or out of range means it has none. */
    private static int slot(int[] table, int i, String none) {
        int s = i < table.length ? table[i] : -1;
        if (s < 0) {
            throw new IllegalStateException(none + i);
        }
        return s;
    }

    /** @return the int slot of leaf {@code k} of the form at stack position {@code i}; leaf 0 is the stack shadow */
    int leaf(int i, int k) {
        return k == 0 ? stack(i) : formBlock(i) + k - 1;
    }

    /** @return the double slot of the partial by leaf {@code k} of the form at stack position {@code i} */
    int partial(int i, int k) {
        return formBlock(i) + FORM_TERMS - 1 + 2 * k;
    }

    /** @return the double slot holding the value of the form at stack position {@code i} */
    int formValue(int i) {
        return formBlock(i) + 3 * FORM_TERMS - 1;
    }

    /** @return the int slot of the form's index in an elementary recording */
    int formElementary(int i) {
        return formBlock(i) + 3 * FORM_TERMS + 1;
    }

    /** Per double local kept as a form: leaf indices, partials, elementary index. */
    private static final int LOCAL_FORM_BLOCK = FORM_TERMS + 2 * FORM_TERMS + 1;
    /** Like the stack's form blocks, after the frames' locals: a kept form dies in its block. */
    private final int[] localFormBlock;

    private int localFormBlock(int v) {
        return slot(localFormBlock, v, "no expression form for double local ");
    }

    /** @return the int slot of leaf {@code k} of the form kept in double local {@code v} */
    int localLeaf(int v, int k) {
        return localFormBlock(v) + k;
    }

    /** @return the double slot of the partial by leaf {@code k} of the form kept in double local {@code v} */
    int localPartial(int v, int k) {
        return localFormBlock(v) + FORM_TERMS + 2 * k;
    }

    /** @return the int slot of the elementary index of the form kept in double local {@code v} */
    int localElementary(int v) {
        return localFormBlock(v) + 3 * FORM_TERMS;
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
        return slot(localShadow, v, "no shadow for double local ");
    }

    /**
     * @return the slot holding the statement that double local {@code v} owns: the index its
     *     last store created (0 when it was given a value that others may hold), see
     *     {@link ExpressionForms#settleInto}
     */
    int owner(int v) {
        return slot(localOwner, v, "no owner slot for double local ");
    }

    /** @return the shadow of the double at operand stack position {@code i} (0 = bottom) */
    int stack(int i) {
        return slot(stackShadow, i, "no shadow for double at stack position ");
    }

    /** The {@link ShadowCaches}: three slots each, after the temps. */
    private final int firstCache;
    private final int caches;

    /** @return the slot of the array that shadow cache {@code c} ({@link ShadowCaches}) last saw */
    int cacheKey(int c) {
        return firstCache + 3 * c;
    }

    /** @return the slot of that array's shadow ({@code int[]}, or null) */
    int cacheShadow(int c) {
        return firstCache + 3 * c + 1;
    }

    /** @return the slot of the tape's shadow epoch when cache {@code c} was filled */
    int cacheEpoch(int c) {
        return firstCache + 3 * c + 2;
    }

    /** @return the number of shadow caches, whose slots the prologue clears */
    int caches() {
        return caches;
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
        if (tempNext > tempEnd) {
            throw new IllegalStateException("an expansion needs more temps than the operand stack holds");
        }
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
        if (caches > 0) {
            Object[] temps = new Object[firstCache - shadowEnd];
            Arrays.fill(temps, Opcodes.TOP);
            out.addAll(Arrays.asList(temps));
        }
        for (int c = 0; c < caches; c++) {
            out.add("java/lang/Object");
            out.add("[I");
            out.add(Opcodes.INTEGER);
        }
        return out;
    }
}
