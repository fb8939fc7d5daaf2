package dev.ad4j.internal.trace;

import dev.ad4j.internal.tape.Op;
import dev.ad4j.internal.tape.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a recorded tape in the layout of Baydin et al., "Automatic differentiation in
 * machine learning: a survey" (JMLR 2018), Tables 2 and 3: the n inputs are
 * {@code v(1-n) .. v0}, the other statements {@code v1 .. vm}; a constant (passive) operand
 * is written {@code c}. Also renders Graphviz DOT.
 *
 * <p>The outputs of a checkpointed loop or recompute region (an external group) carry no
 * arguments: the group adds its outputs' adjoints to its inputs by a sweep of its own. The
 * adjoint trace shows what each group added, measured by running the group's reverse sweep
 * once more while the tape is live ({@link #externalShares}).
 */
public final class TraceRenderer {
    private static final String BAR = "\u0304";

    private final int[] end;
    private final double[] value;
    private final short[] op;
    private final int[] argPos;
    private final double[] partial;
    private final int n;
    private final int out;
    private final double[] swept;
    private final List<ExternalShare> externals;

    /**
     * What one external group (outputs at positions {@code first..last}) added to the adjoints
     * of the statements below it: {@code shares[i]} to position {@code positions[i]}.
     */
    public record ExternalShare(int first, int last, int[] positions, double[] shares) {
    }

    /**
     * Arrays by 1-based position as in the tape, up to {@code max(n, out)}; {@code n} inputs at
     * positions 1..n; output at {@code out}; {@code swept} the adjoints of the recording's
     * reverse sweep; {@code externals} the shares of its external groups ({@link #externalShares}).
     */
    public TraceRenderer(int[] end, double[] value, short[] op, int[] argPos, double[] partial, int n, int out,
            double[] swept, List<ExternalShare> externals) {
        this.end = end;
        this.value = value;
        this.op = op;
        this.argPos = argPos;
        this.partial = partial;
        this.n = n;
        this.out = out;
        this.swept = swept;
        this.externals = externals;
    }

    /**
     * Runs the reverse sweep of every external group at or below {@code out} once more, alone,
     * seeded with its outputs' adjoints from {@code swept} (the recording's sweep), and returns
     * what each added to the statements below it. The tape must still be recording.
     */
    public static List<ExternalShare> externalShares(Tape t, double[] swept, int out) {
        List<ExternalShare> shares = new ArrayList<>();
        short[] ops = t.ops();
        for (int k = t.externalCount() - 1; k >= 0; k--) {
            int first = t.externalFirst(k);
            if (first > out) {
                continue;
            }
            int bound = k + 1 < t.externalCount() ? t.externalFirst(k + 1) : t.size() + 1;
            int last = first;
            while (last + 1 < bound && Op.code(ops[last + 1]) == Op.EXTERNAL) {
                last++;
            }
            double[] adj = new double[swept.length];
            System.arraycopy(swept, first, adj, first, last - first + 1);
            t.externalAt(k).reverse(t, adj, 1);
            int count = 0;
            for (int q = 1; q < first; q++) {
                count += adj[q] != 0 ? 1 : 0;
            }
            int[] positions = new int[count];
            double[] added = new double[count];
            for (int q = first - 1, i = count - 1; q >= 1; q--) {
                if (adj[q] != 0) {
                    positions[i] = q;
                    added[i--] = adj[q];
                }
            }
            shares.add(new ExternalShare(first, last, positions, added));
        }
        return shares;
    }

    private String v(int pos) {
        return "v" + (pos - n);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    /** Right-hand side of statement {@code s}, e.g. {@code v-1 * v0}, {@code ln v-1}, {@code atan2(v1, c)}. */
    String expression(int s) {
        int stored = op[s];
        int code = Op.code(stored);
        int mask = Op.mask(stored);
        int b = end[s - 1];
        int count = end[s] - b;
        int arity = Math.max(Math.max(Op.arity(code), 32 - Integer.numberOfLeadingZeros(mask)), count);
        String[] operands = new String[arity];
        int k = b;
        for (int i = 0; i < arity; i++) {
            boolean active = (mask & (1 << i)) != 0 || (mask == 0 && k < end[s]);
            operands[i] = active && k < end[s] ? v(argPos[k++]) : "c";
        }
        String sym = Op.symbol(code);
        if (Op.isInfix(code) && arity == 2) {
            return operands[0] + " " + sym + " " + operands[1];
        }
        if (code == Op.NEG) {
            return "-" + operands[0];
        }
        if (code == Op.SCALB) {
            return "scalb(" + operands[0] + ", c)";
        }
        if (arity == 1 && code != Op.CUSTOM && code != Op.EXPR) {
            return sym + " " + operands[0];
        }
        return sym + "(" + String.join(", ", operands) + ")";
    }

    /** The forward primal trace, one line per statement up to the output. */
    public String primalTrace() {
        StringBuilder sb = new StringBuilder();
        for (int p = 1; p <= n; p++) {
            sb.append(v(p)).append(" = x").append(p).append(" = ").append(num(value[p])).append('\n');
        }
        for (int s = n + 1; s <= out; s++) {
            sb.append(v(s)).append(" = ").append(expression(s)).append(" = ").append(num(value[s])).append('\n');
        }
        sb.append("y = ").append(v(out)).append(" = ").append(num(value[out])).append('\n');
        return sb.toString();
    }

    /**
     * The reverse adjoint trace: seed, one accumulation per argument in reverse order (and per
     * input of an external group, what its own sweep added), gradient.
     */
    public String adjointTrace() {
        int top = Math.max(out, n);
        double[] adj = new double[top + 1];
        boolean[] touched = new boolean[top + 1];
        adj[out] = 1;
        touched[out] = true;
        StringBuilder sb = new StringBuilder();
        sb.append(bar(out)).append(" = y").append(BAR).append(" = ").append(num(1)).append('\n');
        for (int s = out; s > n; s--) {
            if (adj[s] != 0) {
                for (int k = end[s - 1]; k < end[s]; k++) {
                    int a = argPos[k];
                    adj[a] += partial[k] * adj[s];
                    accumulation(sb, a, touched, bar(s) + " \u2202" + v(s) + "/\u2202" + v(a), adj[a]);
                }
            }
            for (ExternalShare g : externals) {
                if (g.first() == s) {
                    String by = "(sweep of " + v(g.first()) + (g.last() > g.first() ? ".." + v(g.last()) : "") + ")";
                    for (int i = g.positions().length - 1; i >= 0; i--) {
                        int a = g.positions()[i];
                        adj[a] += g.shares()[i];
                        accumulation(sb, a, touched, by, adj[a]);
                    }
                }
            }
        }
        for (int p = 1; p <= n; p++) {
            sb.append('x').append(BAR).append(p).append(" = ").append(bar(p)).append(" = ").append(num(adj[p])).append('\n');
        }
        return sb.toString();
    }

    private void accumulation(StringBuilder sb, int a, boolean[] touched, String term, double now) {
        sb.append(bar(a)).append(" = ");
        if (touched[a]) {
            sb.append(bar(a)).append(" + ");
        }
        sb.append(term).append(" = ").append(num(now)).append('\n');
        touched[a] = true;
    }

    private String bar(int pos) {
        return "v" + BAR + (pos - n);
    }

    /** Graphviz DOT of the statements the output depends on; edges carry the local partials. */
    public String dot() {
        boolean[] live = new boolean[out + 1];
        live[out] = true;
        for (int s = out; s > 0; s--) {
            if (live[s]) {
                for (int k = end[s - 1]; k < end[s]; k++) {
                    live[argPos[k]] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder("digraph ad4j {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (int s = 1; s <= out; s++) {
            if (!live[s] && s > n) {
                continue;
            }
            String label = s <= n
                    ? v(s) + " = x" + s + "\\n" + num(value[s])
                    : v(s) + " = " + expression(s) + "\\n" + num(value[s]);
            sb.append("  n").append(s).append(" [label=\"").append(label).append("\\nadjoint ").append(num(swept[s]))
                    .append('"').append(s <= n ? ", shape=box" : "").append("];\n");
        }
        for (int s = n + 1; s <= out; s++) {
            if (!live[s]) {
                continue;
            }
            for (int k = end[s - 1]; k < end[s]; k++) {
                sb.append("  n").append(argPos[k]).append(" -> n").append(s)
                        .append(" [label=\"").append(num(partial[k])).append("\"];\n");
            }
        }
        sb.append("  y [shape=plaintext];\n  n").append(out).append(" -> y;\n}\n");
        return sb.toString();
    }
}
