package dev.ad4j.bench;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Expression swell of symbolic differentiation on the survey's logistic map (Baydin et al.,
 * JMLR 2018, Table 1): builds {@code l(n)} as an expression of x, differentiates it with the
 * textbook rules and no simplification ({@code d(ab) = da b + a db}, {@code d(c) = 0}), and
 * counts the nodes of both as <em>trees</em> (what a symbolic system prints when it does not
 * share subexpressions). The structures themselves are built as DAGs, so n = 100 is instant
 * even though its tree has ~10^31 nodes.
 */
public final class ExpressionSwell {
    private ExpressionSwell() {
    }

    /** A node: a constant, the variable x, or a binary operation. */
    private record Node(char op, double value, Node left, Node right) {
        static final Node X = new Node('x', 0, null, null);

        static Node constant(double c) {
            return new Node('c', c, null, null);
        }

        static Node of(char op, Node l, Node r) {
            return new Node(op, 0, l, r);
        }
    }

    /** Tree sizes of {@code l(n)} and {@code d l(n)/dx}. */
    public record Sizes(int n, BigInteger function, BigInteger derivative) {
    }

    public static Sizes sizes(int n) {
        Node l = Node.X;
        for (int k = 0; k < n; k++) {
            // l(k+1) = 4 l(k) (1 - l(k)), the survey's form
            l = Node.of('*', Node.of('*', Node.constant(4), l), Node.of('-', Node.constant(1), l));
        }
        Node dl = differentiate(l, new IdentityHashMap<>());
        Map<Node, BigInteger> memo = new IdentityHashMap<>();
        return new Sizes(n, treeSize(l, memo), treeSize(dl, memo));
    }

    private static Node differentiate(Node e, Map<Node, Node> memo) {
        Node done = memo.get(e);
        if (done != null) {
            return done;
        }
        Node d = switch (e.op) {
            case 'c' -> Node.constant(0);
            case 'x' -> Node.constant(1);
            case '+', '-' -> Node.of(e.op, differentiate(e.left, memo), differentiate(e.right, memo));
            case '*' -> Node.of('+',
                    Node.of('*', differentiate(e.left, memo), e.right),
                    Node.of('*', e.left, differentiate(e.right, memo)));
            default -> throw new IllegalStateException("op " + e.op);
        };
        memo.put(e, d);
        return d;
    }

    private static BigInteger treeSize(Node e, Map<Node, BigInteger> memo) {
        if (e.left == null) {
            return BigInteger.ONE;
        }
        BigInteger s = memo.get(e);
        if (s == null) {
            s = BigInteger.ONE.add(treeSize(e.left, memo)).add(treeSize(e.right, memo));
            memo.put(e, s);
        }
        return s;
    }
}
