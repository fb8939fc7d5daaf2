package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Shadow caches: locals of a rewritten method that remember the last array a DALOAD or DASTORE
 * accessed and its shadow, so that the next access finds the shadow with one comparison instead
 * of the tape's lookup. Only accesses in loops get one, innermost loops first: there each sees the
 * same array again and again. The accesses through one array local share a cache; an access whose
 * array comes from elsewhere (a field) gets its own. RK4's
 * {@code s[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j])} reads five arrays in turn, more
 * than the tape remembers, and the lookups were most of its gradient's time.
 *
 * <p>A remembered shadow is valid while the tape's shadow epoch is the one it was read at: the
 * epoch moves whenever an array gets, changes or loses its shadow ({@code Rt.shadowAt}), and the
 * array is compared by identity, so a cache never yields another array's shadow or one the tape no
 * longer has. Each cache costs three locals (the array, its shadow, the epoch) that the frames
 * name, so a method gets at most {@link #MAX}, used by at most {@link #MAX_SITES} accesses.
 */
final class ShadowCaches {

    /** Most caches per method. */
    static final int MAX = 16;
    /** Most accesses that use them: each adds about 25 bytes of bytecode. */
    static final int MAX_SITES = 64;

    private final Map<AbstractInsnNode, Integer> cacheOf = new HashMap<>();
    private int count;

    /** No caches: the method is too long for their code ({@link ClassRewriter}'s size fallback). */
    ShadowCaches() {
    }

    ShadowCaches(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, Set<LabelNode> branchTargets) {
        Map<AbstractInsnNode, Integer> index = new HashMap<>();
        for (int k = 0; k < insns.length; k++) {
            index.put(insns[k], k);
        }
        int[] depth = new int[insns.length + 1];
        for (int k = 0; k < insns.length; k++) {
            if (insns[k] instanceof JumpInsnNode) {
                int target = index.get(((JumpInsnNode) insns[k]).label);
                if (target <= k) {
                    // A backward jump closes a loop: what lies between its target and it repeats.
                    depth[target]++;
                    depth[k + 1]--;
                }
            }
        }
        List<Integer> sites = new ArrayList<>();
        int d = 0;
        int[] loopDepth = new int[insns.length];
        for (int k = 0; k < insns.length; k++) {
            d += depth[k];
            loopDepth[k] = d;
            int op = insns[k].getOpcode();
            if ((op == DALOAD || op == DASTORE) && frames[k] != null) {
                sites.add(k);
            }
        }
        sites.sort(Comparator.comparingInt((Integer k) -> -loopDepth[k]).thenComparingInt(k -> k));
        Map<Integer, Integer> byLocal = new HashMap<>();
        for (int k : sites) {
            if (loopDepth[k] == 0 || cacheOf.size() == MAX_SITES) {
                break; // sorted: the rest are outside loops, where a cache would mostly miss and only add code
            }
            int sz = frames[k].getStackSize();
            int local = arrayLocal(insns, frames, branchTargets, k, insns[k].getOpcode() == DALOAD ? sz - 2 : sz - 3);
            Integer c = local >= 0 ? byLocal.get(local) : null;
            if (c == null && count < MAX) {
                c = count++;
                if (local >= 0) {
                    byLocal.put(local, c);
                }
            }
            if (c != null) {
                cacheOf.put(insns[k], c);
            }
        }
    }

    /**
     * @return the local that the array at stack position {@code p} before {@code insns[k]} was
     *     loaded from by an ALOAD on the straight path to it, or -1
     */
    private static int arrayLocal(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, Set<LabelNode> branchTargets,
            int k, int p) {
        for (int j = k - 1; j >= 0; j--) {
            AbstractInsnNode insn = insns[j];
            if (frames[j] == null || insn instanceof FrameNode
                    || insn instanceof LabelNode && branchTargets.contains(insn)) {
                return -1; // another path may arrive here
            }
            if (frames[j].getStackSize() > p) {
                continue; // position p lies below what this instruction touches
            }
            // insns[j] pushed position p.
            if (insn.getOpcode() == ALOAD) {
                return ((VarInsnNode) insn).var;
            }
            if (insn.getOpcode() == DUP2 && frames[j].getStackSize() == p && p >= 2
                    && frames[j].getStack(p - 1).getSize() == 1 && frames[j].getStack(p - 2).getSize() == 1) {
                p -= 2; // the array and index of a compound assignment (a[i] += ...), duplicated
                continue;
            }
            return -1;
        }
        return -1;
    }

    /** @return how many caches the method has */
    int count() {
        return count;
    }

    /** @return the cache of the DALOAD or DASTORE {@code insn}, or -1 if it has none */
    int of(AbstractInsnNode insn) {
        Integer c = cacheOf.get(insn);
        return c == null ? -1 : c;
    }
}
