package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.Arrays;
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
 * it, and before every label and jump, so forms never cross a frame.
 *
 * <p>Per stack position the state is {@link #PLAIN} (the stack shadow holds the value's index),
 * {@code 0} (a constant: passive, the shadow holds 0) or the number of leaves of a form.
 */
final class ExpressionForms {

    static final int PLAIN = -1;
    private static final int ONE = 0;
    private static final int MINUS_ONE = 1;
    private static final int LOCAL = 2;

    private final ShadowLocals shadows;
    private final Emitter e;
    private final int[] leaves;
    private final int[][] partialKind;

    ExpressionForms(ShadowLocals shadows, Emitter e, int maxStack) {
        this.shadows = shadows;
        this.e = e;
        leaves = new int[maxStack + 2];
        Arrays.fill(leaves, PLAIN);
        partialKind = new int[maxStack + 2][ShadowLocals.FORM_TERMS];
    }

    /** The double at {@code position} is a constant (its shadow was set to 0). */
    void constant(int position) {
        leaves[position] = 0;
    }

    /** Positions from {@code position} up hold plain values (or nothing). */
    void plainFrom(int position) {
        Arrays.fill(leaves, Math.max(0, Math.min(position, leaves.length)), leaves.length, PLAIN);
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
        leaves[position] = PLAIN;
        if (n <= 0) {
            return; // plain already, or a constant whose shadow is 0
        }
        StringBuilder desc = new StringBuilder("(").append(RuntimeContract.TAPE_DESC).append('I');
        e.tape();
        e.var(ILOAD, shadows.formElementary(position));
        for (int k = 0; k < n; k++) {
            e.var(ILOAD, shadows.leaf(position, k));
            pushPartial(position, k);
            desc.append("ID");
        }
        e.var(DLOAD, shadows.formValue(position));
        e.rt("expr" + n, desc.append("D)I").toString());
        e.var(ISTORE, shadows.stack(position));
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
            partialKind[base][0] = ONE; // a plain value is its own leaf
        }
        int nl = count(base);
        int nr = opcode == DNEG ? 0 : count(base + 1);
        switch (opcode) {
            case DADD:
                append(base, nl, nr, false, -1);
                break;
            case DSUB:
                append(base, nl, nr, true, -1);
                break;
            case DMUL:
                scale(base, nl, b);
                append(base, nl, nr, false, a);
                break;
            case DDIV: {
                if (nl > 0) {
                    int inverse = shadows.temp(org.objectweb.asm.Type.DOUBLE_TYPE);
                    e.op(DCONST_1);
                    e.var(DLOAD, b);
                    e.op(DDIV);
                    e.var(DSTORE, inverse);
                    scale(base, nl, inverse);
                }
                int byDivisor = -1;
                if (nr > 0) {
                    byDivisor = shadows.temp(org.objectweb.asm.Type.DOUBLE_TYPE);
                    e.var(DLOAD, shadows.formValue(base));
                    e.op(DNEG);
                    e.var(DLOAD, b);
                    e.op(DDIV);
                    e.var(DSTORE, byDivisor);
                }
                append(base, nl, nr, false, byDivisor);
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
        leaves[base] = nl + nr;
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
     * negated or multiplied by the double local {@code factor} (when it is not -1).
     */
    private void append(int base, int nl, int nr, boolean negate, int factor) {
        int right = base + 1;
        for (int k = 0; k < nr; k++) {
            int j = nl + k;
            e.var(ILOAD, shadows.leaf(right, k));
            e.var(ISTORE, shadows.leaf(base, j));
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

    private void pushPartial(int position, int k) {
        switch (partialKind[position][k]) {
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
