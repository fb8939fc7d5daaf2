package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Shadow caches: locals of a rewritten method that remember the last array a DALOAD or DASTORE
 * accessed and its shadow, so that the next access finds the shadow with one comparison instead
 * of the tape's lookup. Accesses in loops get one, innermost loops first: there each sees the
 * same array again and again. Outside loops, so do the accesses through a primed array (below)
 * that is read or written more than once: one lookup on entry then serves them all. The
 * accesses through one array local, or one {@code double[]} field of {@code this}, share a cache; an access whose array comes from elsewhere gets its own. RK4's
 * {@code s[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j])} reads five arrays in turn, more
 * than the tape remembers, and the lookups were most of its gradient's time.
 *
 * <p>A remembered shadow is valid while the tape's shadow epoch is the one it was read at: the
 * epoch moves whenever an array gets, changes or loses its shadow ({@code Rt.shadowAt}), and the
 * array is compared by identity, so a cache never yields another array's shadow or one the tape no
 * longer has. Each cache costs three locals (the array, its shadow, the epoch) that the frames
 * name, so a method gets at most {@link #MAX}, used by at most {@link #MAX_SITES} accesses.
 *
 * <p>A cache whose array is a {@code double[]} parameter or a {@code double[]} field of
 * {@code this} declared by the class is <em>primed</em>: the prologue looks that array's shadow up
 * once ({@link #primer}). Its loop then never misses, and a miss that is never taken is one the JIT
 * leaves out of the compiled loop. A miss taken even once per call stays in it as a call, after
 * which every field of the tape must be read again: that cost the logistic regression's inner
 * loop a fifth of its time. Priming is only a hint: the loop still compares array and epoch.
 */
final class ShadowCaches {

    /** Which array accesses a rewriting gives caches: fewer where the method would be too big. */
    enum Reach {
        /** Accesses in loops, and outside loops those through a primed array accessed more than once. */
        EVERYWHERE,
        /** Accesses in loops only. */
        LOOPS,
        /** None. */
        NONE
    }

    /** Most caches per method. */
    static final int MAX = 16;
    /** Most accesses that use them: each adds about 25 bytes of bytecode. */
    static final int MAX_SITES = 64;

    private final Map<AbstractInsnNode, Integer> cacheOf = new HashMap<>();
    /** Per cache, the instructions that push its array on entry to the method, or null. */
    private final List<InsnList> primers = new ArrayList<>();
    private int count;

    /** No caches: the method is too long for their code ({@link ClassRewriter}'s size fallback). */
    ShadowCaches() {
    }

    /**
     * @param owner the internal name of the class that declares {@code method}
     * @param ownArrayFields the instance {@code double[]} fields that class declares
     * @param outsideLoops whether accesses outside loops may get caches ({@link Reach#EVERYWHERE})
     */
    ShadowCaches(String owner, MethodNode method, Set<String> ownArrayFields,
            AbstractInsnNode[] insns, Frame<BasicValue>[] frames, Set<LabelNode> branchTargets, boolean outsideLoops) {
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
        // Accesses through one array local, or one double[] field of this, share a cache.
        Map<Object, Integer> byArray = new HashMap<>();
        boolean thisOnEntry = (method.access & ACC_STATIC) == 0 && !method.name.equals("<init>") && !assigns(insns, 0);
        Object[] arrays = new Object[insns.length];
        InsnList[] primerOf = new InsnList[insns.length];
        Map<Object, Integer> primedOutsideLoops = new HashMap<>();
        for (int k : sites) {
            if (loopDepth[k] == 0 && !outsideLoops) {
                break; // sorted: the rest are outside loops
            }
            int sz = frames[k].getStackSize();
            int p = insns[k].getOpcode() == DALOAD ? sz - 2 : sz - 3;
            int pusher = pusher(insns, frames, branchTargets, k, p);
            if (pusher >= 0 && insns[pusher].getOpcode() == ALOAD) {
                arrays[k] = ((VarInsnNode) insns[pusher]).var;
                primerOf[k] = parameterPrimer(method, (Integer) arrays[k]);
            } else {
                primerOf[k] = thisOnEntry ? fieldPrimer(owner, ownArrayFields, insns, frames, branchTargets, pusher) : null;
                arrays[k] = primerOf[k] == null ? null : ((FieldInsnNode) insns[pusher]).name;
            }
            if (loopDepth[k] == 0 && primerOf[k] != null) {
                primedOutsideLoops.merge(arrays[k], 1, Integer::sum);
            }
        }
        for (int k : sites) {
            if (cacheOf.size() == MAX_SITES || loopDepth[k] == 0 && !outsideLoops) {
                break;
            }
            Object array = arrays[k];
            InsnList primer = primerOf[k];
            if (loopDepth[k] == 0 && (primer == null
                    || primedOutsideLoops.get(array) < 2 && !byArray.containsKey(array))) {
                // Outside loops only a primed array read more than once gains: its one lookup on
                // entry replaces one per access (RK4's right-hand side, called four times a
                // step). Any other cache there would mostly miss and only add code.
                continue;
            }
            Integer c = array != null ? byArray.get(array) : null;
            if (c == null && count < MAX) {
                c = count++;
                primers.add(primer);
                if (array != null) {
                    byArray.put(array, c);
                }
            }
            if (c != null) {
                cacheOf.put(insns[k], c);
            }
        }
    }

    /**
     * @return the index of the instruction that pushed stack position {@code p} before
     *     {@code insns[k]}, on the straight path to it (through the DUP2 of a compound assignment
     *     {@code a[i] += ...}), or -1
     */
    private static int pusher(AbstractInsnNode[] insns, Frame<BasicValue>[] frames, Set<LabelNode> branchTargets,
            int k, int p) {
        for (int j = k - 1; j >= 0; j--) {
            AbstractInsnNode insn = insns[j];
            if (frames[j] == null || insn instanceof FrameNode
                    || insn instanceof LabelNode && branchTargets.contains(insn)) {
                return -1; // another path may arrive here
            }
            if (frames[j].getStackSize() > p) {
                if (replacesTop(insn) && frames[j + 1] != null && frames[j + 1].getStackSize() == p + 1) {
                    return j; // it took its operands from position p up and left its result at p
                }
                continue; // position p lies below what this instruction touches
            }
            // insns[j] pushed position p.
            if (insn.getOpcode() == DUP2 && frames[j].getStackSize() == p && p >= 2
                    && frames[j].getStack(p - 1).getSize() == 1 && frames[j].getStack(p - 2).getSize() == 1) {
                p -= 2; // the array and index of a compound assignment (a[i] += ...), duplicated
                continue;
            }
            return j;
        }
        return -1;
    }

    /** Whether {@code insn} pops operands (at least one) and pushes one result where the lowest was. */
    private static boolean replacesTop(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case GETFIELD: case AALOAD: case CHECKCAST:
            case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKESTATIC: case INVOKEINTERFACE: case INVOKEDYNAMIC:
                return true;
            default:
                return false;
        }
    }

    /** @return an ALOAD of {@code local} if it holds a {@code double[]} parameter on entry, else null */
    private static InsnList parameterPrimer(MethodNode method, int local) {
        int slot = (method.access & ACC_STATIC) != 0 ? 0 : 1;
        for (Type t : Type.getArgumentTypes(method.desc)) {
            if (slot == local) {
                return t.getDescriptor().equals("[D") ? primer(new VarInsnNode(ALOAD, local)) : null;
            }
            slot += t.getSize();
        }
        return null;
    }

    /**
     * @return {@code this.f} if the array was pushed by a GETFIELD of a {@code double[]} field the
     *     class declares, read from {@code this}, else null. Only for methods whose local 0 holds
     *     a usable {@code this} throughout: instance methods, not constructors, never storing it.
     */
    private static InsnList fieldPrimer(String owner, Set<String> ownArrayFields,
            AbstractInsnNode[] insns, Frame<BasicValue>[] frames, Set<LabelNode> branchTargets, int pusher) {
        if (pusher < 0 || insns[pusher].getOpcode() != GETFIELD) {
            return null;
        }
        FieldInsnNode get = (FieldInsnNode) insns[pusher];
        if (!get.owner.equals(owner) || !get.desc.equals("[D") || !ownArrayFields.contains(get.name)) {
            return null;
        }
        int receiver = pusher(insns, frames, branchTargets, pusher, frames[pusher].getStackSize() - 1);
        if (receiver < 0 || insns[receiver].getOpcode() != ALOAD || ((VarInsnNode) insns[receiver]).var != 0) {
            return null;
        }
        return primer(new VarInsnNode(ALOAD, 0), new FieldInsnNode(GETFIELD, owner, get.name, get.desc));
    }

    private static boolean assigns(AbstractInsnNode[] insns, int local) {
        for (AbstractInsnNode insn : insns) {
            if (insn.getOpcode() == ASTORE && ((VarInsnNode) insn).var == local) {
                return true;
            }
        }
        return false;
    }

    private static InsnList primer(AbstractInsnNode... push) {
        InsnList list = new InsnList();
        for (AbstractInsnNode insn : push) {
            list.add(insn);
        }
        return list;
    }

    /** @return how many caches the method has */
    int count() {
        return count;
    }

    /**
     * @return fresh instructions that push cache {@code c}'s array on entry to the method, or
     *     null if it is not known there
     */
    InsnList primer(int c) {
        InsnList p = primers.get(c);
        if (p == null) {
            return null;
        }
        InsnList copy = new InsnList();
        for (AbstractInsnNode insn : p) {
            copy.add(insn.clone(Map.of()));
        }
        return copy;
    }

    /** @return the cache of the DALOAD or DASTORE {@code insn}, or -1 if it has none */
    int of(AbstractInsnNode insn) {
        Integer c = cacheOf.get(insn);
        return c == null ? -1 : c;
    }
}
