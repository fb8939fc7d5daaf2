package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The compound assignments {@code a[i] += e} and {@code a[i] -= e} of a method, as javac
 * compiles them ({@code DUP2 DALOAD <e> DADD DASTORE}), and their long forms
 * {@code a[i] = a[i] + e} (the array and index pushed twice by the same loads). The element's value goes nowhere but into
 * the sum stored back to it, so the store may append {@code e}'s leaves to the statement the
 * element holds, as {@code s += e} does for a local (the runtime checks that nothing else read
 * that statement's index in between: {@code Tape.ownElement}). {@code y[i] += A[i][j] * x[j]}
 * over {@code j} then records one statement per {@code i} instead of one per product.
 *
 * <p>Only the exact shape qualifies: the DALOAD right after the DUP2 or the second of two
 * identical runs of loads, constants and int arithmetic (no calls: both runs must name one
 * element); in between, instructions
 * that leave the loaded value where it is (no stack shuffles that could move it); then DADD or
 * DSUB taking it as the left operand, right before the DASTORE.
 */
final class CompoundAssignments {

    private final Set<AbstractInsnNode> loads = new HashSet<>();
    private final Set<AbstractInsnNode> stores = new HashSet<>();

    CompoundAssignments(AbstractInsnNode[] insns, Frame<BasicValue>[] frames) {
        for (int k = 1; k + 1 < insns.length; k++) {
            if (insns[k].getOpcode() == DALOAD && frames[k] != null
                    && (insns[k - 1].getOpcode() == DUP2 || samePushesTwice(insns, frames, k))) {
                int store = storeOf(insns, frames, k, frames[k].getStackSize() - 2);
                if (store >= 0) {
                    loads.add(insns[k]);
                    stores.add(insns[store]);
                }
            }
        }
    }

    /**
     * Whether the array and index of the DALOAD at {@code k} were pushed by the same
     * side-effect-free instructions that pushed the two values below them, right before:
     * {@code y[i] = y[i] + e} and {@code c[i][j] = c[i][j] + e}, where both pairs name one element.
     */
    private static boolean samePushesTwice(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, int k) {
        int q = frames[k].getStackSize() - 2;
        int load = start(insns, frames, k, q);
        int store = load < 0 ? -1 : start(insns, frames, load, q - 2);
        if (store < 0 || load - store != k - load) {
            return false;
        }
        for (int j = 0; j < k - load; j++) {
            if (!samePureInsn(insns[store + j], insns[load + j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first of the instructions right before {@code k} that pushed what lies above stack
     * position {@code q}: it runs at stack size {@code q}, those after it above; or -1.
     */
    private static int start(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, int k, int q) {
        int j = k - 1;
        while (j >= 0 && frames[j] != null && insns[j].getOpcode() >= 0 && frames[j].getStackSize() > q) {
            j--;
        }
        return q >= 0 && j >= 0 && frames[j] != null && insns[j].getOpcode() >= 0 && frames[j].getStackSize() == q ? j : -1;
    }

    private static boolean samePureInsn(AbstractInsnNode a, AbstractInsnNode b) {
        int op = a.getOpcode();
        if (op != b.getOpcode()) {
            return false;
        }
        switch (op) {
            case ALOAD: case ILOAD:
                return ((VarInsnNode) a).var == ((VarInsnNode) b).var;
            case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2: case ICONST_3: case ICONST_4: case ICONST_5:
            case IADD: case ISUB: case IMUL: case AALOAD:
                return true;
            case BIPUSH: case SIPUSH:
                return ((IntInsnNode) a).operand == ((IntInsnNode) b).operand;
            case GETFIELD: case GETSTATIC:
                FieldInsnNode fa = (FieldInsnNode) a;
                FieldInsnNode fb = (FieldInsnNode) b;
                return fa.owner.equals(fb.owner) && fa.name.equals(fb.name);
            default:
                return false;
        }
    }

    /** @return the DASTORE that takes the sum of the value loaded at {@code k} (stack position {@code q}), or -1 */
    private static int storeOf(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, int k, int q) {
        for (int j = k + 1; j + 1 < insns.length; j++) {
            AbstractInsnNode insn = insns[j];
            if (frames[j] == null || frames[j + 1] == null) {
                return -1;
            }
            int op = insn.getOpcode();
            if (op == DUP_X1 || op == DUP_X2 || op == DUP2_X1 || op == DUP2_X2 || op == SWAP) {
                return -1; // may move the loaded value: not javac's shape
            }
            if (frames[j].getStackSize() == q + 1 && !popsNothing(op)) {
                return -1; // the loaded value is on top: only pushes may come before e
            }
            if (frames[j + 1].getStackSize() >= q + 2) {
                continue; // the loaded value stays at q with e above it
            }
            boolean sum = (op == DADD || op == DSUB) && frames[j].getStackSize() == q + 2;
            return sum && insns[j + 1].getOpcode() == DASTORE && frames[j + 1].getStackSize() == q + 1 ? j + 1 : -1;
        }
        return -1;
    }

    private static boolean popsNothing(int op) {
        return op < 0 || op >= ACONST_NULL && op <= ALOAD || op == IINC || op == GETSTATIC || op == NEW || op == GOTO;
    }

    /** Whether {@code insn} is the DALOAD of a compound assignment. */
    boolean isLoad(AbstractInsnNode insn) {
        return loads.contains(insn);
    }

    /** Whether {@code insn} is the DASTORE of a compound assignment. */
    boolean isStore(AbstractInsnNode insn) {
        return stores.contains(insn);
    }
}
