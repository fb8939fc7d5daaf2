package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Names the array elements that DALOADs read, so that two loads of one element within an
 * expression are one leaf of its form ({@link ExpressionForms}): in {@code x[i] * x[i]} or
 * Rosenbrock's {@code x[i+1] - x[i]*x[i]} and {@code 1 - x[i]}, each element then costs the
 * statement one argument instead of one per load.
 *
 * <p>An element is named when the array is a local and the index a local plus a constant, or a
 * constant: {@code a[i]}, {@code a[i + 1]}, {@code a[3]}. Two loads with the same name read the same
 * element, with the same index, as long as nothing in between can change it: a store to either
 * local renames it, and a DASTORE or a call (which may write any array; {@code Math} aside) renames
 * every element.
 */
final class ArrayElements {

    /** Origins from here up name array elements (above those of locals and kept leaves). */
    static final int FIRST = 1 << 24;

    private record Element(int array, int index, int offset) {
    }

    private final Map<Element, Integer> names = new HashMap<>();
    private final Set<LabelNode> branchTargets;
    private int next = FIRST;

    /** @param branchTargets where control flow arrives other than by falling through */
    ArrayElements(Set<LabelNode> branchTargets) {
        this.branchTargets = branchTargets;
    }

    /** @return the origin naming the element that the DALOAD {@code insns[k]} reads, or -1 */
    int load(AbstractInsnNode[] insns, int k) {
        int[] at = new int[5];
        int found = 0;
        for (int j = k - 1; j >= 0 && found < at.length; j--) {
            AbstractInsnNode insn = insns[j];
            if (insn instanceof FrameNode || insn instanceof LabelNode && branchTargets.contains(insn)) {
                break; // another path may arrive here: what was pushed before is not known
            }
            if (insn.getOpcode() >= 0) {
                at[found++] = j;
            }
        }
        if (found < 2) {
            return -1;
        }
        Element e = null;
        if (isAload(insns, at, 1)) {
            Integer c = constant(insns[at[0]]);
            if (c != null) {
                e = new Element(var(insns[at[1]]), -1, c);
            } else if (insns[at[0]].getOpcode() == ILOAD) {
                e = new Element(var(insns[at[1]]), var(insns[at[0]]), 0);
            }
        }
        int op = insns[at[0]].getOpcode();
        if (e == null && found >= 4 && (op == IADD || op == ISUB) && isAload(insns, at, 3)
                && insns[at[2]].getOpcode() == ILOAD && constant(insns[at[1]]) != null) {
            int c = constant(insns[at[1]]);
            e = new Element(var(insns[at[3]]), var(insns[at[2]]), op == IADD ? c : -c);
        }
        return e == null ? -1 : names.computeIfAbsent(e, x -> next++);
    }

    /** At a branch target: names given before may not hold on the other paths. */
    void forgetAll() {
        names.clear();
    }

    /**
     * @return the origins that {@code insn} leaves naming an element that may have changed
     *     (they name nothing from now on), or an empty set
     */
    Set<Integer> staleAfter(AbstractInsnNode insn) {
        if (names.isEmpty()) {
            return Set.of();
        }
        int op = insn.getOpcode();
        if (op == DASTORE || op == INVOKEDYNAMIC || insn instanceof MethodInsnNode && !isMath((MethodInsnNode) insn)) {
            Set<Integer> all = new HashSet<>(names.values());
            names.clear();
            return all;
        }
        int slot;
        int width = 1;
        if (insn instanceof IincInsnNode) {
            slot = ((IincInsnNode) insn).var;
        } else if (op >= ISTORE && op <= ASTORE) {
            slot = var(insn);
            width = op == LSTORE || op == DSTORE ? 2 : 1;
        } else {
            return Set.of();
        }
        Set<Integer> stale = new HashSet<>();
        for (Iterator<Map.Entry<Element, Integer>> it = names.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Element, Integer> n = it.next();
            Element e = n.getKey();
            if (e.array() >= slot && e.array() < slot + width || e.index() >= slot && e.index() < slot + width) {
                stale.add(n.getValue());
                it.remove();
            }
        }
        return stale;
    }

    private static boolean isAload(AbstractInsnNode[] insns, int[] at, int j) {
        return insns[at[j]].getOpcode() == ALOAD;
    }

    private static int var(AbstractInsnNode insn) {
        return ((VarInsnNode) insn).var;
    }

    private static boolean isMath(MethodInsnNode m) {
        return m.owner.equals("java/lang/Math") || m.owner.equals("java/lang/StrictMath");
    }

    private static Integer constant(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (op >= ICONST_M1 && op <= ICONST_5) {
            return op - ICONST_0;
        }
        if (op == BIPUSH || op == SIPUSH) {
            return ((IntInsnNode) insn).operand;
        }
        if (op == LDC && ((LdcInsnNode) insn).cst instanceof Integer) {
            return (Integer) ((LdcInsnNode) insn).cst;
        }
        return null;
    }
}
