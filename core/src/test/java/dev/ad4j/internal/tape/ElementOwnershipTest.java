package dev.ad4j.internal.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.internal.runtime.Rt;
import org.junit.jupiter.api.Test;

/**
 * The statement an array element holds alone ({@link Tape#ownElement}), which a compound
 * assignment may append to: any other read of it, any copy of a shadow, a new recording and the
 * bounds of a local region end the ownership.
 */
class ElementOwnershipTest {

    private static int statement(Tape t, int input, double partial, double value) {
        t.reserve(1);
        t.term(input, partial);
        return t.closeExpr(value);
    }

    @Test
    void another_read_of_the_element_ends_its_ownership_but_its_own_compound_load_does_not() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int x = t.input(2.0);
            int s = statement(t, x, 3.0, 6.0);
            double[] y = {6.0};
            int[] shadow = t.shadowForWrite(y);
            shadow[0] = s;
            Rt.ownElement(t, s);
            assertEquals(s, Rt.daloadOwnAt(t, shadow, 0, 6.0), "the compound load reads the index");
            assertEquals(s, Rt.elementOwned(t), "and leaves the element its owner");
            assertEquals(s, Rt.daloadAt(t, shadow, 0, 6.0));
            assertEquals(0, Rt.elementOwned(t), "a plain read shares the statement");

            Rt.ownElement(t, s);
            Rt.copyOf(t, y, 0, y.clone());
            assertEquals(0, Rt.elementOwned(t), "a copied shadow shares it too");
        } finally {
            t.end();
        }
        t.begin();
        try {
            assertEquals(0, Rt.elementOwned(t), "a new recording starts with no owner");
        } finally {
            t.end();
        }
    }

    @Test
    void a_local_region_neither_inherits_nor_leaves_an_owner() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int x = t.input(1.0);
            int s = statement(t, x, 2.0, 2.0);
            t.ownElement(s);
            int mark = t.openLocal();
            assertEquals(0, t.elementOwned(), "statements before the region must not grow");
            int r = statement(t, x, 5.0, 5.0);
            t.ownElement(r);
            t.closeLocal(mark);
            // r's position is free again: a statement recorded next takes r's index.
            assertEquals(0, t.elementOwned());
            assertEquals(r, statement(t, x, 7.0, 7.0));
        } finally {
            t.end();
        }
    }
}
