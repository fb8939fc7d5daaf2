package dev.ad4j.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Greedy delta debugging on the generated tree: removes statements, replaces expressions by
 * one of their operands or by a constant, and inlines the bodies of loops, branches and
 * {@code try} blocks, keeping each edit only if the program still fails the same way. Edits
 * that do not compile simply do not fail the same way, so no edit needs to understand Java.
 */
final class Minimizer {

    private static final int MAX_TRIALS = 800;

    private Minimizer() {
    }

    /** @return a smaller copy of {@code program} for which {@code stillFails} holds */
    static Program minimise(Program program, Predicate<Program> stillFails) {
        Program best = program.copy();
        int trials = 0;
        boolean progress = true;
        while (progress && trials < MAX_TRIALS) {
            progress = false;
            for (Edit edit : edits(best.members())) {
                if (trials++ >= MAX_TRIALS) {
                    break;
                }
                List<Node> saved = new ArrayList<>(edit.parent.kids);
                edit.apply();
                if (stillFails.test(best)) {
                    progress = true;
                    break;
                }
                edit.parent.kids.clear();
                edit.parent.kids.addAll(saved);
            }
        }
        return best;
    }

    /** One candidate change of a parent's children. */
    private record Edit(Node parent, int index, List<Node> replacement) {
        void apply() {
            parent.kids.remove(index);
            parent.kids.addAll(index, replacement);
        }
    }

    private static List<Edit> edits(Node root) {
        List<Edit> edits = new ArrayList<>();
        collect(root, edits);
        return edits;
    }

    private static void collect(Node parent, List<Edit> edits) {
        for (int i = 0; i < parent.kids.size(); i++) {
            Node c = parent.kids.get(i);
            if (parent.kind == Node.Kind.BLOCK && c.kind == Node.Kind.STMT) {
                edits.add(new Edit(parent, i, List.of()));
                for (Node k : c.kids) {
                    if (k.kind == Node.Kind.BLOCK) {
                        edits.add(new Edit(parent, i, k.kids));
                    }
                }
            }
            if (c.kind == Node.Kind.EXPR && !c.kids.isEmpty()) {
                for (Node k : c.kids) {
                    if (k.kind == Node.Kind.EXPR) {
                        edits.add(new Edit(parent, i, List.of(k)));
                    }
                }
                edits.add(new Edit(parent, i, List.of(Node.leaf("x[0]"))));
                edits.add(new Edit(parent, i, List.of(Node.leaf("0.5"))));
            }
        }
        for (Node c : parent.kids) {
            collect(c, edits);
        }
    }
}
