package dev.ad4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The helpers behind the rewriter's expression forms: {@code exprN} records one statement per
 * settled expression; {@code xadd} ... record each operation only in an elementary recording.
 */
class ExpressionHelpersTest {

    @Test
    void an_expression_becomes_one_statement_whose_adjoints_are_its_partials() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            double a = 1.5;
            double b = -2.0;
            int ia = t.input(a);
            int ib = t.input(b);
            // r = 100 a a + b b: leaves a, a, b, b with partials 100 a, 100 a, b, b.
            double r = 100 * a * a + b * b;
            int ir = Rt.expr4(t, 0, ia, 100 * a, ia, 100 * a, ib, b, ib, b, r);
            assertEquals(3, t.size(), "one statement for the whole expression");
            assertEquals(4, t.argumentCount());
            double[] adj = new double[t.size() + 1];
            adj[t.position(ir)] = 1;
            Sweeps.reverse(t, adj, t.size());
            assertArrayEquals(new double[] {200 * a, 2 * b}, Arrays.copyOfRange(adj, 1, 3), 0);
        } finally {
            t.end();
        }
    }

    @Test
    void passive_leaves_are_skipped_and_an_all_passive_expression_records_nothing() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int ia = t.input(2.0);
            assertEquals(0, Rt.expr2(t, 0, 0, 1.0, 0, 3.0, 4.0));
            assertEquals(1, t.size());
            int ir = Rt.expr3(t, 0, 0, 5.0, ia, -1.0, 0, 2.0, 7.0);
            assertEquals(2, t.size());
            assertEquals(1, t.argumentCount());
            assertEquals(ir, Rt.check(t, ir, 7.0), "the statement holds the expression's value");
            assertEquals(0, Rt.expr1(null, 0, ia, 1.0, 2.0), "not recording");
        } finally {
            t.end();
        }
    }

    @Test
    void operations_inside_an_expression_are_recorded_only_in_an_elementary_recording() {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int ia = t.input(3.0);
            assertEquals(0, Rt.xmul(t, ia, ia, 3.0, 3.0, 9.0));
            assertEquals(1, t.size());
        } finally {
            t.end();
        }
        t.begin();
        t.recordEveryOperation();
        try {
            int ia = t.input(3.0);
            int product = Rt.xmul(t, ia, ia, 3.0, 3.0, 9.0);
            int negated = Rt.xneg(t, product, 9.0, -9.0);
            assertEquals(3, t.size(), "each operation is a statement");
            assertEquals(negated, Rt.expr1(t, negated, product, -1.0, -9.0),
                    "the settled expression is the index the operations produced");
            assertEquals(3, t.size());
        } finally {
            t.end();
        }
        assertEquals(0, Rt.xadd(null, 1, 2, 1.0, 2.0, 3.0));
    }
}
