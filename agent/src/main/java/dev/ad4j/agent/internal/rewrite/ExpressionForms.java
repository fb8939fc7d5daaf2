package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
import java.util.Set;
import java.util.function.IntPredicate;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.LdcInsnNode;

/**
 * The arithmetic expressions on the operand stack as linear forms, so that a whole expression
 * becomes one tape statement where its value is stored, passed or compared, instead of one
 * statement (and one runtime call) per operation: CoDiPack's expression templates, done by the
 * rewriter.
 *
 * <p>A form is known at rewrite time by its shape: the number of leaves (values with their own
 * index: loads, call results, elementary functions) and, per leaf, whether its partial is
 * +1, -1 or held in a double local. At run time the leaf indices sit in int locals and the
 * partials are updated inline by {@code + - * /} and negation, with no call. A form is
 * <em>settled</em> into a statement ({@code Rt.exprN}) before anything but arithmetic consumes
 * it, and before every branch target and jump, so forms never cross a frame.
 *
 * <p>Per stack position the state is {@link #PLAIN} (the stack shadow holds the value's index),
 * {@code 0} (a constant: passive, the shadow holds 0) or the number of leaves of a form.
 */
final class ExpressionForms {

    static final int PLAIN = -1;
    private static final int ONE = 0;
    private static final int MINUS_ONE = 1;
    private static final int LOCAL = 2;
    /** {@link #record}'s owner for a compound assignment to an array element. */
    private static final int ELEMENT_OWNER = -2;

    private final ShadowLocals shadows;
    private final Emitter e;
    private final int[] leaves;
    private final int[][] partialKind;
    /**
     * Per position and leaf: the double local the leaf was loaded from (else -1). Two leaves
     * loaded from the same local with no store in between have the same index, so their
     * partials are added at rewrite time; a plain value's origin also says whose index a copy
     * passes on.
     */
    private final int[][] origin;

    /**
     * Origins from here up name a leaf of a form kept in a local: {@link #keptLeaf}. Two copies of
     * one kept leaf (both loads of {@code d} in {@code d * d}) have the same index.
     */
    private static final int KEPT_LEAF = 1 << 20;

    /** Per double local: the leaves of the form it keeps ({@link #keepInLocal}), or {@link #PLAIN}. */
    private final int[] keptLeaves;
    private final int[][] keptKind;
    private final int[][] keptOrigin;

    ExpressionForms(ShadowLocals shadows, Emitter e, int maxStack, int maxLocals) {
        this.shadows = shadows;
        this.e = e;
        leaves = new int[maxStack + 2];
        Arrays.fill(leaves, PLAIN);
        partialKind = new int[maxStack + 2][ShadowLocals.FORM_TERMS];
        origin = new int[maxStack + 2][ShadowLocals.FORM_TERMS];
        for (int[] o : origin) {
            Arrays.fill(o, -1);
        }
        keptLeaves = new int[Math.max(1, maxLocals)];
        Arrays.fill(keptLeaves, PLAIN);
        keptKind = new int[keptLeaves.length][ShadowLocals.FORM_TERMS];
        keptOrigin = new int[keptLeaves.length][ShadowLocals.FORM_TERMS];
    }

    private static int keptLeaf(int slot, int k) {
        return KEPT_LEAF + slot * ShadowLocals.FORM_TERMS + k;
    }

    private static boolean isKeptLeafOf(int origin, int slot) {
        return origin >= keptLeaf(slot, 0) && origin < keptLeaf(slot + 1, 0);
    }

    /**
     * @param loads how often the block loads the stored value ({@link DeadAtBlockEnd})
     * @return whether the value at {@code position}, stored into double local {@code slot}, may
     *     stay a form there: it is a form, the store is no accumulation ({@link #settleInto}),
     *     all its loads together fit one statement's leaves (each load copies the form, so
     *     beyond that keeping it would only grow the code), and keeping it costs no more tape
     *     arguments than recording it ({@link #keepingPays})
     */
    boolean keepable(int position, int slot, boolean aloneOnStack, int loads) {
        int n = leaves[position];
        return n > 0 && n * loads <= ShadowLocals.FORM_TERMS && keepingPays(n, loads)
                && !(aloneOnStack && origin[position][0] == slot && partialKind[position][0] == ONE);
    }

    /**
     * Whether a temporary of {@code leaves} leaves, loaded {@code loads} times, is cheaper kept as
     * a form than recorded. Kept, each load hands all its leaves on: at most
     * {@code leaves * loads} arguments in the statements that consume it (fewer where they meet
     * the same leaf, as {@code d * d} does), and each load's arithmetic updates that many
     * partials inline. Recorded, it is one statement of {@code leaves} arguments and one
     * argument per load. Keeping pays when {@code leaves * loads <= leaves + loads + 1}, that is
     * {@code (leaves - 1)(loads - 1) <= 2}: Rosenbrock's {@code a = x[i+1] - x[i]*x[i]} (2 leaves,
     * 2 loads) stays a form, an ODE stage {@code k1x = a*x - b*x*y} used twice (4 leaves) is
     * recorded. Keeping such stages made a scalar RK4 step 1.6x slower to record: every later
     * operation on their copies updated four partials instead of one.
     */
    static boolean keepingPays(int leaves, int loads) {
        return (leaves - 1) * (loads - 1) <= 2;
    }

    /**
     * Keeps the form at {@code position} in double local {@code slot} instead of recording it:
     * the store's value dies in its block ({@link DeadAtBlockEnd}), so only its loads in the same
     * block need it, and each gets a copy of the form. The local's index shadow is not written.
     */
    void keepInLocal(int position, int slot) {
        int n = leaves[position];
        for (int k = 0; k < n; k++) {
            copyLeaf(shadows.leaf(position, k), shadows.partial(position, k), partialKind[position][k],
                    shadows.localLeaf(slot, k), shadows.localPartial(slot, k));
            keptKind[slot][k] = partialKind[position][k];
            int from = origin[position][k];
            keptOrigin[slot][k] = from >= 0 ? from : keptLeaf(slot, k);
        }
        e.var(ILOAD, shadows.formElementary(position));
        e.var(ISTORE, shadows.localElementary(slot));
        e.op(ICONST_0);
        e.var(ISTORE, shadows.owner(slot));
        keptLeaves[slot] = n;
        leaves[position] = PLAIN;
        origin[position][0] = -1;
    }

    /** @return whether double local {@code slot} holds a form ({@link #keepInLocal}) */
    boolean keeps(int slot) {
        return slot < keptLeaves.length && keptLeaves[slot] > 0;
    }

    /** Local {@code slot}, which keeps a form, was just loaded to {@code position}: the load is a copy of that form. */
    void loadKept(int position, int slot) {
        int n = keptLeaves[slot];
        for (int k = 0; k < n; k++) {
            copyLeaf(shadows.localLeaf(slot, k), shadows.localPartial(slot, k), keptKind[slot][k],
                    shadows.leaf(position, k), shadows.partial(position, k));
            partialKind[position][k] = keptKind[slot][k];
            origin[position][k] = keptOrigin[slot][k];
        }
        e.var(ILOAD, shadows.localElementary(slot));
        e.var(ISTORE, shadows.formElementary(position));
        e.var(DLOAD, slot);
        e.var(DSTORE, shadows.formValue(position));
        leaves[position] = n;
    }

    /** Copies a leaf's index, and its partial when it is held in a local ({@code kind}), between form blocks. */
    private void copyLeaf(int fromLeaf, int fromPartial, int kind, int toLeaf, int toPartial) {
        e.var(ILOAD, fromLeaf);
        e.var(ISTORE, toLeaf);
        if (kind == LOCAL) {
            e.var(DLOAD, fromPartial);
            e.var(DSTORE, toPartial);
        }
    }

    /** At the end of a block: the forms kept in locals are dead ({@link DeadAtBlockEnd}). */
    void forgetKept() {
        Arrays.fill(keptLeaves, PLAIN);
    }

    /**
     * The double at {@code position} was loaded from local {@code slot}, or from the array element
     * that {@code slot} names ({@link ArrayElements#FIRST} and up).
     */
    void loaded(int position, int slot) {
        origin[position][0] = slot;
    }

    /** Double local {@code slot} was stored: leaves loaded from it before no longer share its index. */
    void stored(int slot) {
        forgetWhere(o -> o == slot || isKeptLeafOf(o, slot));
        if (slot < keptLeaves.length) {
            keptLeaves[slot] = PLAIN;
        }
    }

    /**
     * @param below the stack positions below this one hold values
     * @return the int slot that holds the index of a value or leaf with origin {@code from} (an
     *     array element, {@link ArrayElements}) on the stack below {@code below} or in a kept form,
     *     or -1 if there is none
     */
    int indexSlotOf(int from, int below) {
        for (int q = 0; q < below && q < leaves.length; q++) {
            if (leaves[q] == PLAIN) {
                if (origin[q][0] == from) {
                    return shadows.stack(q);
                }
                continue;
            }
            for (int k = 0; k < leaves[q]; k++) {
                if (origin[q][k] == from) {
                    return shadows.leaf(q, k);
                }
            }
        }
        for (int slot = 0; slot < keptLeaves.length; slot++) {
            for (int k = 0; k < keptLeaves[slot]; k++) {
                if (keptOrigin[slot][k] == from) {
                    return shadows.localLeaf(slot, k);
                }
            }
        }
        return -1;
    }

    /** The leaves whose origin is in {@code stale} ({@link ArrayElements}) no longer share an index with later loads. */
    void forgetOrigins(Set<Integer> stale) {
        if (!stale.isEmpty()) {
            forgetWhere(stale::contains);
        }
    }

    /** Values and leaves, on the stack or kept in locals, whose origin is {@code stale} no longer have one. */
    private void forgetWhere(IntPredicate stale) {
        for (int q = 0; q < leaves.length; q++) {
            int n = leaves[q] > 0 ? leaves[q] : 1;
            for (int k = 0; k < n; k++) {
                if (stale.test(origin[q][k])) {
                    origin[q][k] = -1;
                }
            }
        }
        for (int slot = 0; slot < keptLeaves.length; slot++) {
            for (int k = 0; k < keptLeaves[slot]; k++) {
                if (stale.test(keptOrigin[slot][k])) {
                    keptOrigin[slot][k] = -1;
                }
            }
        }
    }

    /** The plain values from {@code position} up are used without copying their index (an elementary function). */
    void consumed(int position) {
        for (int q = Math.max(0, position); q < origin.length; q++) {
            origin[q][0] = -1;
        }
    }

    /**
     * Settles the value at the top of the stack, {@code position}, for a store into double local
     * {@code slot}. {@code s = s + ...} (leaf 0 loaded from {@code slot} with partial 1, no other
     * double below it on the stack) goes through {@code Rt.accN}, which may append to the
     * statement the local owns; a form recorded here becomes the statement the local owns; a
     * plain value makes it own nothing.
     */
    void settleInto(int position, int slot, boolean aloneOnStack) {
        int n = leaves[position];
        int owner = shadows.owner(slot);
        if (n <= 0) {
            settle(position);
            e.op(ICONST_0);
            e.var(ISTORE, owner);
            return;
        }
        boolean accumulates = aloneOnStack && origin[position][0] == slot && partialKind[position][0] == ONE;
        if (accumulates) {
            record(position, "acc", owner);
        } else {
            record(position, "expr", -1);
        }
        e.var(ILOAD, shadows.stack(position));
        e.var(ISTORE, owner);
    }

    /** @return whether the value at {@code position} is a form: settling it records a new statement */
    boolean isForm(int position) {
        return leaves[position] > 0;
    }

    /**
     * Settles the form at {@code position}, the sum a compound assignment {@code a[i] += e}
     * stores back: leaf 0 is the element's value, and with partial 1 the sum goes through
     * {@code Rt.accN} with the statement the element holds alone ({@code Rt.elementOwned}), to
     * which it may then append {@code e}'s leaves.
     */
    void settleIntoElement(int position) {
        if (partialKind[position][0] == ONE) {
            record(position, "acc", ELEMENT_OWNER);
        } else {
            record(position, "expr", -1);
        }
    }

    /** The double at {@code position} is a constant (its shadow was set to 0). */
    void constant(int position) {
        leaves[position] = 0;
        origin[position][0] = -1;
    }

    /** Positions from {@code position} up hold plain values (or nothing). */
    void plainFrom(int position) {
        Arrays.fill(leaves, Math.max(0, Math.min(position, leaves.length)), leaves.length, PLAIN);
        consumed(position);
    }

    /** Settles every form from {@code position} up into a tape statement. */
    void settleFrom(int position) {
        for (int i = Math.max(0, position); i < leaves.length; i++) {
            settle(i);
        }
    }

    /** The index an elementary recording gave the value at {@code position}. */
    int elementaryIndex(int position) {
        return leaves[position] > 0 ? shadows.formElementary(position) : shadows.stack(position);
    }

    /**
     * Settles the form at {@code position}: one {@code Rt.exprN} call records it, and its index
     * goes to the stack shadow.
     */
    void settle(int position) {
        int n = leaves[position];
        if (n == PLAIN && origin[position][0] >= 0 && origin[position][0] < KEPT_LEAF) {
            // The local's index goes on as it is (to a local, field, array, call): from here on
            // the local shares its statement, which must then never grow.
            e.op(ICONST_0);
            e.var(ISTORE, shadows.owner(origin[position][0]));
        }
        if (n <= 0) {
            leaves[position] = PLAIN;
            origin[position][0] = -1;
            return; // plain already, or a constant whose shadow is 0
        }
        record(position, "expr", -1);
    }

    /** One {@code Rt.exprN} (or {@code accN} with the owner load) call recording the form at {@code position}. */
    private void record(int position, String helper, int owner) {
        int n = leaves[position];
        StringBuilder desc = new StringBuilder("(").append(RuntimeContract.TAPE_DESC).append('I');
        e.tape();
        e.var(ILOAD, shadows.formElementary(position));
        if (owner >= 0) {
            e.var(ILOAD, owner);
            desc.append('I');
        } else if (owner == ELEMENT_OWNER) {
            e.tape();
            e.rt("elementOwned", RuntimeContract.ELEMENT_OWNED_DESC);
            desc.append('I');
        }
        for (int k = 0; k < n; k++) {
            e.var(ILOAD, shadows.leaf(position, k));
            pushPartial(position, k);
            desc.append("ID");
        }
        e.var(DLOAD, shadows.formValue(position));
        e.statement(helper + n, desc.append("D)I").toString());
        e.var(ISTORE, shadows.stack(position));
        leaves[position] = PLAIN;
        origin[position][0] = -1;
    }

    /** Before a binary operation at {@code base}: keeps the combined form within the leaf limit. */
    void makeRoom(int base) {
        int max = ShadowLocals.FORM_TERMS;
        if (count(base) + count(base + 1) > max) {
            settle(count(base) >= count(base + 1) ? base : base + 1);
        }
        if (count(base) + count(base + 1) > max) {
            settle(base);
            settle(base + 1);
        }
    }

    /**
     * Combines the operands of {@code opcode} (DADD, DSUB, DMUL, DDIV, DNEG) at {@code base}
     * into the result's form. The operand values are in the double locals {@code a} and
     * {@code b} ({@code b} unused for DNEG); the result's value is in the form's value slot.
     */
    void combine(int opcode, int base, int a, int b) {
        if (leaves[base] == PLAIN) {
            partialKind[base][0] = ONE; // a plain value is its own leaf, from now on a form's
            leaves[base] = 1;
        }
        int nl = count(base);
        int nr = opcode == DNEG ? 0 : count(base + 1);
        int n = nl;
        switch (opcode) {
            case DADD:
                n = append(base, nl, nr, false, -1);
                break;
            case DSUB:
                n = append(base, nl, nr, true, -1);
                break;
            case DMUL:
                scale(base, nl, b);
                n = append(base, nl, nr, false, a);
                break;
            case DDIV: {
                if (nl > 0) {
                    int inverse = shadows.temp(Type.DOUBLE_TYPE);
                    e.op(DCONST_1);
                    e.var(DLOAD, b);
                    e.op(DDIV);
                    e.var(DSTORE, inverse);
                    scale(base, nl, inverse);
                }
                int byDivisor = -1;
                if (nr > 0) {
                    byDivisor = shadows.temp(Type.DOUBLE_TYPE);
                    e.var(DLOAD, shadows.formValue(base));
                    e.op(DNEG);
                    e.var(DLOAD, b);
                    e.op(DDIV);
                    e.var(DSTORE, byDivisor);
                }
                n = append(base, nl, nr, false, byDivisor);
                break;
            }
            case DNEG:
                for (int k = 0; k < nl; k++) {
                    negateInPlace(base, k);
                }
                break;
            default:
                throw new IllegalArgumentException("not an arithmetic opcode: " + opcode);
        }
        leaves[base] = n;
        plainFrom(base + 1);
    }

    /** Leaves of the value at {@code position}: a plain value is one leaf with partial 1. */
    private int count(int position) {
        return leaves[position] == PLAIN ? 1 : leaves[position];
    }

    private int kind(int position, int k) {
        return leaves[position] == PLAIN ? ONE : partialKind[position][k];
    }

    /** Multiplies the partials of the first {@code n} leaves at {@code position} by the double local {@code factor}. */
    private void scale(int position, int n, int factor) {
        for (int k = 0; k < n; k++) {
            scaled(position, k, factor, position, k);
        }
    }

    /** Partial {@code k} at {@code from} times the double local {@code factor}, into partial {@code j} at {@code to}. */
    private void scaled(int from, int k, int factor, int to, int j) {
        int kind = kind(from, k);
        if (kind == LOCAL) {
            e.var(DLOAD, shadows.partial(from, k));
            e.var(DLOAD, factor);
            e.op(DMUL);
        } else {
            e.var(DLOAD, factor);
            if (kind == MINUS_ONE) {
                e.op(DNEG);
            }
        }
        e.var(DSTORE, shadows.partial(to, j));
        partialKind[to][j] = LOCAL;
    }

    /**
     * Appends the {@code nr} leaves of {@code base + 1} to the {@code nl} leaves of {@code base},
     * negated or multiplied by the double local {@code factor} (when it is not -1). A leaf loaded
     * from the same local as one already there adds to that leaf's partial instead.
     *
     * @return the number of leaves of the result
     */
    private int append(int base, int nl, int nr, boolean negate, int factor) {
        int right = base + 1;
        int n = nl;
        for (int k = 0; k < nr; k++) {
            int from = origin[right][k];
            int same = -1;
            for (int j = 0; from >= 0 && j < n && same < 0; j++) {
                same = origin[base][j] == from ? j : -1;
            }
            if (same >= 0) {
                pushPartial(base, same);
                pushPartial(right, k);
                if (factor >= 0) {
                    e.var(DLOAD, factor);
                    e.op(DMUL);
                }
                e.op(negate ? DSUB : DADD);
                e.var(DSTORE, shadows.partial(base, same));
                partialKind[base][same] = LOCAL;
                continue;
            }
            int j = n++;
            e.var(ILOAD, shadows.leaf(right, k));
            e.var(ISTORE, shadows.leaf(base, j));
            origin[base][j] = from;
            int kind = kind(right, k);
            if (factor >= 0) {
                scaled(right, k, factor, base, j);
            } else if (kind == LOCAL) {
                e.var(DLOAD, shadows.partial(right, k));
                if (negate) {
                    e.op(DNEG);
                }
                e.var(DSTORE, shadows.partial(base, j));
                partialKind[base][j] = LOCAL;
            } else {
                partialKind[base][j] = negate == (kind == ONE) ? MINUS_ONE : ONE;
            }
        }
        return n;
    }

    private void negateInPlace(int position, int k) {
        int kind = kind(position, k);
        if (kind == LOCAL) {
            e.var(DLOAD, shadows.partial(position, k));
            e.op(DNEG);
            e.var(DSTORE, shadows.partial(position, k));
        } else {
            partialKind[position][k] = kind == ONE ? MINUS_ONE : ONE;
        }
    }

    /** Pushes the partial by leaf {@code k} of the value at {@code position}. */
    private void pushPartial(int position, int k) {
        switch (kind(position, k)) {
            case ONE:
                e.op(DCONST_1);
                break;
            case MINUS_ONE:
                e.add(new LdcInsnNode(-1.0));
                break;
            default:
                e.var(DLOAD, shadows.partial(position, k));
        }
    }
}
