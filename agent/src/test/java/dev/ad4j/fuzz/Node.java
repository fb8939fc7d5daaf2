package dev.ad4j.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a generated program: a source template whose markers {@code #0}, {@code #1}, …
 * stand for the rendered children. A {@link Kind#BLOCK} has no template and renders its
 * children one per line. The tree is deliberately untyped: the minimiser edits it blindly and
 * lets the compiler reject edits that do not make sense.
 */
final class Node {

    /** What a node stands for, which decides the edits the minimiser tries on it. */
    enum Kind {
        /** A double-valued expression: may be replaced by one of its expression children. */
        EXPR,
        /** A statement: may be removed from its block, or replaced by a block child. */
        STMT,
        /** A statement the minimiser must keep (declarations, returns). */
        FIXED,
        /** A sequence of statements or members. */
        BLOCK
    }

    final Kind kind;
    final String template;
    final List<Node> kids;

    Node(Kind kind, String template, List<Node> kids) {
        this.kind = kind;
        this.template = template;
        this.kids = new ArrayList<>(kids);
    }

    static Node expr(String template, Node... kids) {
        return new Node(Kind.EXPR, template, List.of(kids));
    }

    static Node leaf(String text) {
        return new Node(Kind.EXPR, text, List.of());
    }

    static Node stmt(String template, Node... kids) {
        return new Node(Kind.STMT, template, List.of(kids));
    }

    static Node fixed(String template, Node... kids) {
        return new Node(Kind.FIXED, template, List.of(kids));
    }

    static Node block(List<Node> kids) {
        return new Node(Kind.BLOCK, null, kids);
    }

    /** @return a deep copy, so that a minimised program never shares nodes with its original */
    Node copy() {
        List<Node> copies = new ArrayList<>();
        for (Node k : kids) {
            copies.add(k.copy());
        }
        return new Node(kind, template, copies);
    }

    /** @return the number of nodes in this tree (the minimiser's measure of progress) */
    int size() {
        int n = 1;
        for (Node k : kids) {
            n += k.size();
        }
        return n;
    }

    String render() {
        if (kind == Kind.BLOCK) {
            StringBuilder sb = new StringBuilder();
            for (Node k : kids) {
                sb.append(k.render()).append('\n');
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '#' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < template.length() && Character.isDigit(template.charAt(j))) {
                    j++;
                }
                sb.append(kids.get(Integer.parseInt(template.substring(i + 1, j))).render());
                i = j - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Re-indents rendered source by counting braces, for readable reports and regression files. */
    static String indent(String source, int base) {
        StringBuilder sb = new StringBuilder();
        int depth = base;
        for (String raw : source.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int open = count(line, '{');
            int close = count(line, '}');
            int here = line.startsWith("}") ? depth - 1 : depth;
            sb.append("    ".repeat(Math.max(0, here))).append(line).append('\n');
            depth += open - close;
        }
        return sb.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
