package dev.ad4j.agent.internal.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The DUP and SWAP family moves values between stack positions. Because each position has its
 * own shadow, such an instruction becomes a set of copies between shadows; this class derives
 * them from the stack layout before the instruction (every form of JVMS 6.5 by value category).
 */
final class StackShuffles {

    private StackShuffles() {
    }

    /**
     * @return pairs {@code {destination, source}} of stack positions whose double must move, as
     *     seen after the instruction; empty for instructions that move no double
     */
    static List<int[]> copies(int opcode, Frame<BasicValue> before) {
        int sz = before.getStackSize();
        int start;
        int[] after;
        switch (opcode) {
            case Opcodes.DUP:
                start = sz - 1;
                after = new int[] {t(sz, 0), t(sz, 0)};
                break;
            case Opcodes.DUP_X1:
                start = sz - 2;
                after = new int[] {t(sz, 0), t(sz, 1), t(sz, 0)};
                break;
            case Opcodes.DUP_X2:
                if (size(before, 1) == 2) {
                    start = sz - 2;
                    after = new int[] {t(sz, 0), t(sz, 1), t(sz, 0)};
                } else {
                    start = sz - 3;
                    after = new int[] {t(sz, 0), t(sz, 2), t(sz, 1), t(sz, 0)};
                }
                break;
            case Opcodes.DUP2:
                if (size(before, 0) == 2) {
                    start = sz - 1;
                    after = new int[] {t(sz, 0), t(sz, 0)};
                } else {
                    start = sz - 2;
                    after = new int[] {t(sz, 1), t(sz, 0), t(sz, 1), t(sz, 0)};
                }
                break;
            case Opcodes.DUP2_X1:
                if (size(before, 0) == 2) {
                    start = sz - 2;
                    after = new int[] {t(sz, 0), t(sz, 1), t(sz, 0)};
                } else {
                    start = sz - 3;
                    after = new int[] {t(sz, 1), t(sz, 0), t(sz, 2), t(sz, 1), t(sz, 0)};
                }
                break;
            case Opcodes.DUP2_X2:
                if (size(before, 0) == 2 && size(before, 1) == 2) {
                    start = sz - 2;
                    after = new int[] {t(sz, 0), t(sz, 1), t(sz, 0)};
                } else if (size(before, 0) == 2) {
                    start = sz - 3;
                    after = new int[] {t(sz, 0), t(sz, 2), t(sz, 1), t(sz, 0)};
                } else if (size(before, 2) == 2) {
                    start = sz - 3;
                    after = new int[] {t(sz, 1), t(sz, 0), t(sz, 2), t(sz, 1), t(sz, 0)};
                } else {
                    start = sz - 4;
                    after = new int[] {t(sz, 1), t(sz, 0), t(sz, 3), t(sz, 2), t(sz, 1), t(sz, 0)};
                }
                break;
            case Opcodes.SWAP:
                start = sz - 2;
                after = new int[] {t(sz, 0), t(sz, 1)};
                break;
            default:
                return List.of();
        }
        List<int[]> pairs = new ArrayList<>();
        for (int q = 0; q < after.length; q++) {
            int dst = start + q;
            int src = after[q];
            if (dst != src && before.getStack(src) == BasicValue.DOUBLE_VALUE) {
                pairs.add(new int[] {dst, src});
            }
        }
        return pairs;
    }

    /** Position of the k-th value from the top. */
    private static int t(int sz, int k) {
        return sz - 1 - k;
    }

    private static int size(Frame<BasicValue> f, int k) {
        return f.getStack(f.getStackSize() - 1 - k).getSize();
    }
}
