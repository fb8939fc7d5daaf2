package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Which stores to a double local define a value that nobody reads past the end of its block
 * (the next label or jump): a temporary such as {@code double d = x - mu; s += d * d;}. Such a
 * value may stay an expression form in the local ({@link ExpressionForms#keepInLocal}) instead
 * of becoming a tape statement, because its index is never needed. Blocks end at branch targets
 * and control instructions, as expression forms do in {@link MethodRewriter}. Found by liveness of double
 * locals over the method's control flow. Methods with exception handlers are left out: a handler
 * may read a local the block was still holding as a form.
 */
final class DeadAtBlockEnd {

    private DeadAtBlockEnd() {
    }

    /**
     * @return the labels control flow reaches other than by falling through (jump and switch
     *     targets, exception handlers) and any label with a stack map frame. The others (line
     *     numbers, local variable ranges) end no block.
     */
    static Set<LabelNode> branchTargets(MethodNode method) {
        Set<LabelNode> targets = new HashSet<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof JumpInsnNode) {
                targets.add(((JumpInsnNode) insn).label);
            } else if (insn instanceof TableSwitchInsnNode) {
                targets.add(((TableSwitchInsnNode) insn).dflt);
                targets.addAll(((TableSwitchInsnNode) insn).labels);
            } else if (insn instanceof LookupSwitchInsnNode) {
                targets.add(((LookupSwitchInsnNode) insn).dflt);
                targets.addAll(((LookupSwitchInsnNode) insn).labels);
            }
        }
        for (TryCatchBlockNode t : method.tryCatchBlocks) {
            targets.add(t.start);
            targets.add(t.end);
            targets.add(t.handler);
        }
        // A label with a stack map frame ends a block whatever reaches it (javac puts frames only
        // at targets, other compilers may not): the frame names no form locals.
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode) {
                AbstractInsnNode next = insn.getNext();
                while (next instanceof LineNumberNode || next instanceof LabelNode) {
                    next = next.getNext();
                }
                if (next instanceof FrameNode) {
                    targets.add((LabelNode) insn);
                }
            }
        }
        return targets;
    }

    /**
     * @param targets {@link #branchTargets} of {@code method}
     * @return per instruction of {@code insns}: for a DSTORE whose value dies in its block, how
     *     often the block loads it; else -1
     */
    static int[] of(MethodNode method, AbstractInsnNode[] insns, Set<LabelNode> targets) {
        int[] dead = new int[insns.length];
        Arrays.fill(dead, -1);
        if (!method.tryCatchBlocks.isEmpty()) {
            return dead;
        }
        boolean anyStore = false;
        for (AbstractInsnNode insn : insns) {
            anyStore |= insn.getOpcode() == DSTORE;
        }
        if (!anyStore) {
            return dead;
        }
        Map<LabelNode, Integer> at = new HashMap<>();
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof LabelNode) {
                at.put((LabelNode) insns[i], i);
            }
        }
        int[][] successors = new int[insns.length][];
        for (int i = 0; i < insns.length; i++) {
            successors[i] = successors(insns, i, at);
        }
        BitSet[] liveIn = liveness(insns, successors);
        for (int i = 0; i < insns.length; i++) {
            if (insns[i].getOpcode() == DSTORE) {
                dead[i] = diesInBlock(insns, i, ((VarInsnNode) insns[i]).var, successors, liveIn, targets);
            }
        }
        return dead;
    }

    /** @return how often the block loads the value stored at {@code store} if it dies there, else -1 */
    private static int diesInBlock(AbstractInsnNode[] insns, int store, int v, int[][] successors, BitSet[] liveIn,
            Set<LabelNode> targets) {
        int loads = 0;
        for (int j = store + 1; j < insns.length; j++) {
            AbstractInsnNode insn = insns[j];
            if (insn instanceof LabelNode && targets.contains(insn)) {
                return liveIn[j].get(v) ? -1 : loads;
            }
            int op = insn.getOpcode();
            if (op == DSTORE && ((VarInsnNode) insn).var == v) {
                return loads;
            }
            if (op == DLOAD && ((VarInsnNode) insn).var == v) {
                loads++;
            }
            if (endsBlock(op)) {
                for (int s : successors[j]) {
                    if (liveIn[s].get(v)) {
                        return -1;
                    }
                }
                return loads;
            }
        }
        return loads;
    }

    /** Backward liveness of double locals (by first slot) to a fixed point: live on entry to each instruction. */
    private static BitSet[] liveness(AbstractInsnNode[] insns, int[][] successors) {
        BitSet[] liveIn = new BitSet[insns.length];
        for (int i = 0; i < insns.length; i++) {
            liveIn[i] = new BitSet();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = insns.length - 1; i >= 0; i--) {
                BitSet live = new BitSet();
                for (int s : successors[i]) {
                    live.or(liveIn[s]);
                }
                int op = insns[i].getOpcode();
                if (op == DSTORE) {
                    live.clear(((VarInsnNode) insns[i]).var);
                } else if (op == DLOAD) {
                    live.set(((VarInsnNode) insns[i]).var);
                }
                if (!live.equals(liveIn[i])) {
                    liveIn[i] = live;
                    changed = true;
                }
            }
        }
        return liveIn;
    }

    private static int[] successors(AbstractInsnNode[] insns, int i, Map<LabelNode, Integer> at) {
        AbstractInsnNode insn = insns[i];
        int op = insn.getOpcode();
        boolean next = i + 1 < insns.length;
        if (insn instanceof JumpInsnNode) {
            int target = at.get(((JumpInsnNode) insn).label);
            return op == GOTO || !next ? new int[] {target} : new int[] {target, i + 1};
        }
        if (insn instanceof TableSwitchInsnNode) {
            TableSwitchInsnNode s = (TableSwitchInsnNode) insn;
            return targets(s.dflt, s.labels, at);
        }
        if (insn instanceof LookupSwitchInsnNode) {
            LookupSwitchInsnNode s = (LookupSwitchInsnNode) insn;
            return targets(s.dflt, s.labels, at);
        }
        if ((op >= IRETURN && op <= RETURN) || op == ATHROW || !next) {
            return new int[0];
        }
        return new int[] {i + 1};
    }

    private static int[] targets(LabelNode dflt, java.util.List<LabelNode> labels, Map<LabelNode, Integer> at) {
        int[] out = new int[labels.size() + 1];
        out[0] = at.get(dflt);
        for (int k = 0; k < labels.size(); k++) {
            out[k + 1] = at.get(labels.get(k));
        }
        return out;
    }

    /** Whether {@code op} ends a block, as branch targets do: jumps, switches, returns and throws. */
    static boolean endsBlock(int op) {
        return (op >= IFEQ && op <= RETURN) || op == ATHROW || op == IFNULL || op == IFNONNULL;
    }
}
