package dev.ad4j.internal.checkpoint;

import java.math.BigInteger;

/**
 * The arithmetic of binomial checkpointing (Griewank and Walther, "Algorithm 799: Revolve",
 * ACM TOMS 26(1), 2000), written from the published analysis.
 *
 * <p>Reversing {@code l} steps with {@code c} snapshots (the one holding the first state
 * included) and a working state, the fewest forward steps ("advances", untaped) is
 * {@code t(l, c) = r l - C(c + r, r - 1)}, where the repetition number {@code r} is the least
 * with {@code β(c, r) = C(c + r, c) >= l}: no step runs forward more than {@code r} times.
 * The optimum satisfies {@code t(l, c) = min over m of m + t(l - m, c - 1) + t(m, c)} (advance
 * m steps, snapshot, reverse the right part with one snapshot fewer, then the left part);
 * {@link #split} returns a minimising {@code m} in constant time. Its range was derived from
 * the bound "each step of the left part runs at most r - 1 more times, each of the right part
 * at most r" and checked against the recurrence by brute force (see the tests).
 */
public final class Binomial {
    /** Binomials are saturated here: far above any step count, far below overflow. */
    static final long CAP = 1L << 40;

    private Binomial() {
    }

    /** {@code β(c, r) = C(c + r, c)}, 0 for {@code r < 0}, saturated at {@link #CAP}. */
    static long beta(int c, int r) {
        if (r < 0 || c < 0) {
            return 0;
        }
        int k = Math.min(c, r);
        if (k > 60) {
            return CAP; // C(2k, k) > 2^40 already for k = 23
        }
        long n = (long) c + r;
        long b = 1;
        for (int i = 1; i <= k; i++) {
            long f = n - k + i;
            // b * f / i is C(n - k + i, i), an integer; it only grows with i.
            if (Math.multiplyHigh(b, f) != 0 || b * f < 0) {
                return CAP;
            }
            b = b * f / i;
            if (b >= CAP) {
                return CAP;
            }
        }
        return b;
    }

    /** The repetition number: the least {@code r} with {@code β(c, r) >= l}. */
    public static int repetitions(long l, int c) {
        requireArgs(l, c);
        if (c == 1) {
            return (int) Math.max(0, l - 1);
        }
        int r = 0;
        while (beta(c, r) < l) {
            r++;
        }
        return r;
    }

    /** {@code t(l, c)}: the fewest untaped forward steps to reverse {@code l} steps with {@code c} snapshots. */
    public static long optimalAdvances(long l, int c) {
        requireArgs(l, c);
        if (l <= 1) {
            return 0;
        }
        int r = repetitions(l, c);
        // C(c + r, r - 1) < r l, so the difference fits a long; compute it exactly.
        BigInteger b = binomial((long) c + r, r - 1);
        return BigInteger.valueOf(r).multiply(BigInteger.valueOf(l)).subtract(b).longValueExact();
    }

    /**
     * Where to place the next snapshot when reversing {@code l >= 2} steps with {@code c >= 2}
     * snapshots: an {@code m} in {@code [1, l - 1]} minimising {@code m + t(l - m, c - 1) + t(m, c)}.
     * The minimisers are exactly {@code max(1, l - β(c-1, r), β(c, r-2)) .. min(l-1, β(c, r-1), l - β(c-1, r-1))};
     * the largest is taken.
     */
    public static int split(int l, int c) {
        if (l < 2 || c < 2) {
            throw new IllegalArgumentException("split needs l >= 2 and c >= 2: l=" + l + ", c=" + c);
        }
        int r = repetitions(l, c);
        long hi = Math.min(Math.min(l - 1L, beta(c, r - 1)), l - beta(c - 1, r - 1));
        long lo = Math.max(Math.max(1L, l - beta(c - 1, r)), beta(c, r - 2));
        if (hi < lo) {
            throw new IllegalStateException("empty split range for l=" + l + ", c=" + c);
        }
        return (int) hi;
    }

    private static BigInteger binomial(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        k = Math.min(k, n - k);
        BigInteger b = BigInteger.ONE;
        for (long i = 1; i <= k; i++) {
            b = b.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return b;
    }

    private static void requireArgs(long l, int c) {
        if (l < 0 || c < 1) {
            throw new IllegalArgumentException("need steps >= 0 and snapshots >= 1: steps=" + l + ", snapshots=" + c);
        }
    }
}
