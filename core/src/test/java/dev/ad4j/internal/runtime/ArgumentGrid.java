package dev.ad4j.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/** Every combination of sample points for a parameter list of doubles, ints and longs. */
final class ArgumentGrid {

    private ArgumentGrid() {
    }

    static List<Object[]> of(Class<?>[] params, double[] doubles, int[] ints) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[params.length]);
        for (int k = 0; k < params.length; k++) {
            List<Object[]> next = new ArrayList<>();
            for (Object[] partial : out) {
                if (params[k] == double.class) {
                    for (double d : doubles) {
                        Object[] c = partial.clone();
                        c[k] = d;
                        next.add(c);
                    }
                } else {
                    for (int i : ints) {
                        Object[] c = partial.clone();
                        c[k] = params[k] == long.class ? (Object) (long) i : (Object) i;
                        next.add(c);
                    }
                }
            }
            out = next;
        }
        return out;
    }
}
