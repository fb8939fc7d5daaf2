package dev.ad4j.agent.internal.rewrite;

import static dev.ad4j.agent.testing.Checks.assertClose;
import static dev.ad4j.agent.testing.Checks.finiteDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.numeric.ArrayLoads;
import com.example.numeric.CompoundElements;
import com.example.numeric.Expressions;
import com.example.numeric.PrimedCaches;
import com.example.numeric.Rosenbrock;
import com.example.numeric.Temporaries;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Instrumented;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Whole expressions become one tape statement where they are stored; the elementary recordings
 * (traces, Hessians) still see every operation; both give the same gradients.
 */
class ExpressionFormsTest {

    @Test
    void an_accumulating_loop_records_one_statement_per_iteration() {
        double[] x = new Random(3).doubles(200, -2, 2).toArray();
        ScalarFunction f = Instrumented.scalar(Expressions.class, "dot");
        assertClose(Expressions.dotGradient(x), AD.gradient(f, x), 1e-14);
        // 200 inputs and one statement: every s += x[i] x[i+m] appends its two leaves to the
        // statement s owns, instead of one statement per operation (or per iteration).
        assertEquals(200 + 1, AD.lastTapeStats().statements());
        assertEquals(200, AD.lastTapeStats().arguments());
        // The elementary recording used by traces keeps every multiplication and addition.
        assertEquals(200 + 100 + 100, AD.record(f, x).stats().statements());
        assertClose(Expressions.dotGradient(x), AD.record(f, x).gradient(), 1e-14);
    }

    @Test
    void temporaries_that_die_in_their_block_add_no_statement() {
        double[] x = new Random(4).doubles(100, -2, 2).toArray();
        ScalarFunction f = Instrumented.scalar(Temporaries.class, "squaredDeviations");
        assertEquals(Double.doubleToRawLongBits(Temporaries.squaredDeviations(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(Temporaries.squaredDeviationsGradient(x), AD.gradient(f, x), 1e-13);
        // 100 inputs and one statement: d and w stay forms in their locals, so each s += ...
        // appends x[i] and x[0] (their two loads of d and one of w merged) to the statement s owns.
        assertEquals(100 + 1, AD.lastTapeStats().statements());
        assertEquals(2 * 99, AD.lastTapeStats().arguments());
        assertClose(Temporaries.squaredDeviationsGradient(x), AD.record(f, x).gradient(), 1e-13);
    }

    @Test
    void temporaries_read_twice_with_many_leaves_are_recorded_once() {
        double[] p = {1.1, 0.4, 0.1, 0.4, 10, 5};
        ScalarFunction f = Instrumented.scalar(Temporaries.class, "scalarRk4");
        assertEquals(Double.doubleToRawLongBits(Temporaries.scalarRk4(p)), Double.doubleToRawLongBits(f.apply(p)));
        double[] g = AD.gradient(f, p);
        assertClose(finiteDifferences(f, p), g, 1e-6);
        // The inputs; per step the eight stages (four leaves, each read twice), the six midpoints
        // (three leaves, read three times) and the new x and y; the returned sum. Copying the
        // stages into their readers instead grew every later operation's inline partials and
        // made a longer scalar RK4 1.6x slower to record.
        assertEquals(6 + 10 * (8 + 6 + 2) + 1, AD.lastTapeStats().statements());
        assertClose(g, AD.record(f, p).gradient(), 1e-13);
    }

    @Test
    void loads_of_one_array_element_in_an_expression_are_one_argument() {
        double[] x = new Random(5).doubles(100, -2, 2).toArray();
        ScalarFunction f = Instrumented.scalar(Rosenbrock.class, "value");
        assertEquals(Double.doubleToRawLongBits(Rosenbrock.value(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(Rosenbrock.gradient(x), AD.gradient(f, x), 1e-13);
        // One statement for the sum, and per term only x[i + 1] and x[i] (loaded three times).
        assertEquals(100 + 1, AD.lastTapeStats().statements());
        assertEquals(2 * 99, AD.lastTapeStats().arguments());
        assertClose(Rosenbrock.gradient(x), AD.record(f, x).gradient(), 1e-13);

        ScalarFunction g = Instrumented.scalar(ArrayLoads.class, "backwards");
        assertClose(ArrayLoads.backwardsGradient(x), AD.gradient(g, x), 1e-13);
        assertEquals(2 * 99, AD.lastTapeStats().arguments());
    }

    @Test
    void a_second_load_of_an_element_takes_the_index_of_the_first() throws IOException {
        // Rosenbrock's term loads x[i + 1] once and x[i] three times: two lookups, not four.
        String name = Type.getInternalName(Rosenbrock.class);
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream("/" + name + ".class")) {
            original = in.readAllBytes();
        }
        ClassNode node = new ClassNode();
        new ClassReader(ClassRewriter.rewrite(original)).accept(node, 0);
        MethodNode body = node.methods.stream()
                .filter(m -> m.name.equals("value" + RecordingBody.SUFFIX)).findFirst().orElseThrow();
        long lookups = StreamSupport.stream(body.instructions.spliterator(), false)
                .filter(i -> i instanceof MethodInsnNode
                        && ((MethodInsnNode) i).name.startsWith("daload"))
                .count();
        assertEquals(2, lookups);
    }

    @Test
    void loads_of_one_element_with_a_write_between_them_stay_apart() {
        double[] x = {0.7, -1.3};
        for (String m : new String[] {"incremented", "reassigned", "overwritten", "calledBetween"}) {
            ScalarFunction f = Instrumented.scalar(ArrayLoads.class, m);
            double[] expected = switch (m) {
                case "incremented" -> ArrayLoads.incrementedGradient(x);
                case "reassigned" -> ArrayLoads.reassignedGradient(x);
                case "overwritten" -> ArrayLoads.overwrittenGradient(x);
                default -> ArrayLoads.calledBetweenGradient(x);
            };
            assertClose(expected, AD.gradient(f, x), 1e-13);
            assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
        }
    }

    @Test
    void loops_that_remember_array_shadows_see_shadows_made_later_and_other_arrays() {
        double[] x = new Random(6).doubles(10, -2, 2).toArray();
        ScalarFunction later = Instrumented.scalar(ArrayLoads.class, "shadowLater");
        assertEquals(Double.doubleToRawLongBits(ArrayLoads.shadowLater(x)), Double.doubleToRawLongBits(later.apply(x)));
        assertClose(ArrayLoads.shadowLaterGradient(x), AD.gradient(later, x), 1e-13);
        ScalarFunction rows = Instrumented.scalar(ArrayLoads.class, "rowsOfPairs");
        assertClose(ArrayLoads.rowsOfPairsGradient(x), AD.gradient(rows, x), 1e-13);
        assertClose(finiteDifferences(rows, x), AD.gradient(rows, x), 1e-6);
    }

    @Test
    void loops_over_arrays_known_on_entry_start_with_their_shadows_and_see_them_change() {
        double[] x = new Random(8).doubles(12, -2, 2).toArray();
        for (String m : new String[] {"weighted", "activeField", "reassignedField", "reassignedParameter", "nullParameter"}) {
            ScalarFunction f = Instrumented.scalar(PrimedCaches.class, m);
            double[] expected = switch (m) {
                case "weighted" -> PrimedCaches.weightedGradient(x);
                case "activeField" -> PrimedCaches.activeFieldGradient(x);
                case "reassignedField" -> PrimedCaches.reassignedFieldGradient(x);
                case "reassignedParameter" -> PrimedCaches.reassignedParameterGradient(x);
                default -> PrimedCaches.nullParameterGradient(x);
            };
            double plain = switch (m) {
                case "weighted" -> PrimedCaches.weighted(x);
                case "activeField" -> PrimedCaches.activeField(x);
                case "reassignedField" -> PrimedCaches.reassignedField(x);
                case "reassignedParameter" -> PrimedCaches.reassignedParameter(x);
                default -> PrimedCaches.nullParameter(x);
            };
            assertEquals(Double.doubleToRawLongBits(plain), Double.doubleToRawLongBits(f.apply(x)), m);
            assertClose(expected, AD.gradient(f, x), 1e-13);
            assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
        }
    }

    @Test
    void each_field_and_parameter_array_of_a_loop_has_its_own_primed_cache() throws IOException {
        // weights[i] * x[i] * scale[i]: two fields of this and a parameter, each primed on entry.
        assertEquals(3, primes(PrimedCaches.class, "weightedDot"));
        // Two loops, five accesses through state, scale and x: one cache for each array.
        assertEquals(3, primes(PrimedCaches.class, "squaresThroughState"));
        // In a constructor this is not usable on entry: the field state starts with an empty
        // cache; the parameter weights (it hides the field of that name) is primed.
        assertEquals(1, primes(PrimedCaches.class, "<init>"));
        // Without a loop: primed only for an array accessed more than once.
        assertEquals(3, primes(PrimedCaches.class, "rhs"));
        assertEquals(0, primes(PrimedCaches.class, "once"));
    }

    @Test
    void straight_line_accesses_through_primed_caches_see_an_output_get_its_shadow() {
        double[] x = {1.1, 0.4, 0.1, 0.4, 10, 5};
        ScalarFunction f = Instrumented.scalar(PrimedCaches.class, "euler");
        assertEquals(Double.doubleToRawLongBits(PrimedCaches.euler(x)), Double.doubleToRawLongBits(f.apply(x)));
        double[] g = AD.gradient(f, x);
        assertClose(PrimedCaches.eulerGradient(x), g, 1e-12);
        assertClose(finiteDifferences(f, x), g, 1e-6);
    }

    private static long primes(Class<?> target, String method) throws IOException {
        String name = Type.getInternalName(target);
        byte[] original;
        try (InputStream in = ExpressionFormsTest.class.getResourceAsStream("/" + name + ".class")) {
            original = in.readAllBytes();
        }
        ClassNode node = new ClassNode();
        new ClassReader(ClassRewriter.rewrite(original)).accept(node, 0);
        return node.methods.stream()
                .filter(m -> m.name.equals(method) || m.name.equals(method + RecordingBody.SUFFIX))
                .flatMap(m -> StreamSupport.stream(m.instructions.spliterator(), false))
                .filter(i -> i instanceof MethodInsnNode && ((MethodInsnNode) i).name.equals("primeShadow"))
                .count();
    }

    @Test
    void temporaries_read_after_a_branch_by_a_call_a_lambda_or_a_handler_keep_their_derivatives() {
        for (double[] x : new double[][] {{0.7, 1.3, -0.4}, {-0.2, -0.9, 1.5}}) {
            ScalarFunction f = Instrumented.scalar(Temporaries.class, "mixed");
            assertEquals(Double.doubleToRawLongBits(Temporaries.mixed(x)), Double.doubleToRawLongBits(f.apply(x)));
            assertClose(Temporaries.mixedGradient(x), AD.gradient(f, x), 1e-13);
            assertClose(Temporaries.mixedGradient(x), AD.record(f, x).gradient(), 1e-13);
            assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
        }
        double[] x = {0.5, -1.2, 0.9, 0.3};
        ScalarFunction h = Instrumented.scalar(Temporaries.class, "withHandler");
        assertClose(Temporaries.withHandlerGradient(x), AD.gradient(h, x), 1e-13);
    }

    @Test
    void hessians_through_temporaries_match_differences_of_the_gradient() {
        double[] x = {0.7, 1.3, -0.4};
        ScalarFunction f = Instrumented.scalar(Temporaries.class, "mixed");
        assertHessianIsTheDerivativeOf(Temporaries::mixedGradient, AD.hessian(f, x), x);
    }

    @Test
    void expressions_with_more_leaves_than_a_statement_takes_match_closed_forms() {
        double[] x = {0.7, -1.3, 0.4, 2.1};
        ScalarFunction f = Instrumented.scalar(Expressions.class, "longSum");
        assertEquals(Double.doubleToRawLongBits(Expressions.longSum(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(Expressions.longSumGradient(x), AD.gradient(f, x), 1e-13);
        assertClose(Expressions.longSumGradient(x), AD.record(f, x).gradient(), 1e-13);
        assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
    }

    @Test
    void calls_branches_and_functions_inside_an_expression_match_closed_forms() {
        for (double[] x : new double[][] {{0.7, 1.3, -0.4}, {-0.2, -0.9, 1.5}}) {
            ScalarFunction f = Instrumented.scalar(Expressions.class, "mixed");
            assertEquals(Double.doubleToRawLongBits(Expressions.mixed(x)), Double.doubleToRawLongBits(f.apply(x)));
            assertClose(Expressions.mixedGradient(x), AD.gradient(f, x), 1e-13);
            assertClose(Expressions.mixedGradient(x), AD.record(f, x).gradient(), 1e-13);
        }
    }

    @Test
    void compound_array_assignments_and_compared_expressions_keep_derivatives() {
        double[] x = new Random(5).doubles(9, -1.5, 1.5).toArray();
        ScalarFunction f = Instrumented.scalar(Expressions.class, "compound");
        assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
        assertClose(AD.record(f, x).gradient(), AD.gradient(f, x), 1e-13);
    }

    @Test
    void hessians_see_every_operation_of_an_expression() {
        double[] x = {0.7, -1.3, 0.4, 2.1};
        ScalarFunction f = Instrumented.scalar(Expressions.class, "longSum");
        assertHessianIsTheDerivativeOf(Expressions::longSumGradient, AD.hessian(f, x), x);
    }

    /** {@code h} against central differences (step 1e-5) of the closed-form {@code gradient}. */
    private static void assertHessianIsTheDerivativeOf(UnaryOperator<double[]> gradient, double[][] h, double[] x) {
        double step = 1e-5;
        for (int j = 0; j < x.length; j++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[j] += step;
            down[j] -= step;
            double[] gu = gradient.apply(up);
            double[] gd = gradient.apply(down);
            for (int i = 0; i < x.length; i++) {
                assertEquals((gu[i] - gd[i]) / (2 * step), h[i][j], 1e-6, "H[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void accumulators_whose_index_is_copied_stored_passed_or_reused_keep_exact_derivatives() {
        double[] x = new Random(11).doubles(9, -1.2, 1.2).toArray();
        String[] methods = {"copiedAccumulator", "chained", "selfReferencing", "storedAccumulator"};
        double[][] closed = {Expressions.copiedAccumulatorGradient(x), Expressions.chainedGradient(x),
            Expressions.selfReferencingGradient(x), Expressions.storedAccumulatorGradient(x)};
        for (int k = 0; k < methods.length; k++) {
            ScalarFunction f = Instrumented.scalar(Expressions.class, methods[k]);
            assertClose(closed[k], AD.gradient(f, x), 1e-13);
            assertClose(closed[k], AD.record(f, x).gradient(), 1e-13);
        }
    }

    @Test
    void a_compound_assignment_to_an_element_appends_to_the_statement_the_element_holds() {
        double[] x = new Random(8).doubles(30, -2, 2).toArray();
        ScalarFunction f = Instrumented.scalar(CompoundElements.class, "matVec");
        assertEquals(Double.doubleToRawLongBits(CompoundElements.matVec(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(CompoundElements.matVecGradient(x), AD.gradient(f, x), 1e-12);
        // 30 inputs, one statement per y[i] (each y[i] += a x[j] appends x[j]), one for the sum.
        assertEquals(30 + 7 + 1, AD.lastTapeStats().statements());
        assertEquals(7 * 30 + 7, AD.lastTapeStats().arguments());
        assertClose(CompoundElements.matVecGradient(x), AD.record(f, x).gradient(), 1e-12);
        double[] e0 = new double[30];
        e0[0] = 1;
        double[] column0 = new double[30];
        for (int j = 0; j < 30; j++) {
            for (int i = 0; i < 7; i++) {
                column0[j] += 2 * CompoundElements.a(i, j) * CompoundElements.a(i, 0);
            }
        }
        assertClose(column0, AD.hessianVector(f, x, e0), 1e-12);

        ScalarFunction longForm = Instrumented.scalar(CompoundElements.class, "matVecLongForm");
        assertEquals(Double.doubleToRawLongBits(CompoundElements.matVec(x)), Double.doubleToRawLongBits(longForm.apply(x)));
        assertClose(CompoundElements.matVecGradient(x), AD.gradient(longForm, x), 1e-12);
        assertEquals(30 + 7 + 1, AD.lastTapeStats().statements());
        // (y[i][0] * y[i][0] reads a row of a 2-D array twice: two arguments, not one)
        assertEquals(7 * 30 + 2 * 7, AD.lastTapeStats().arguments());

        // Rows inside: each sum goes to another element than the one before, no appends.
        ScalarFunction byColumns = Instrumented.scalar(CompoundElements.class, "matVecByColumns");
        assertClose(CompoundElements.matVecGradient(x), AD.gradient(byColumns, x), 1e-12);
        assertEquals(30 + 7 * 30 + 1, AD.lastTapeStats().statements());
    }

    @Test
    void a_compound_assignment_never_grows_a_statement_that_something_else_holds() {
        for (double[] x : new double[][] {{0.7, -1.3}, {-2.1, 0.4}}) {
            for (String name : new String[] {"readBetween", "calledBetween", "copiedBetween", "arraycopiedBetween"}) {
                ScalarFunction f = Instrumented.scalar(CompoundElements.class, name);
                assertClose(CompoundElements.betweenGradient(x), AD.gradient(f, x), 1e-14);
                assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
            }
            ScalarFunction inside = Instrumented.scalar(CompoundElements.class, "readInside");
            assertEquals(Double.doubleToRawLongBits(CompoundElements.readInside(x)), Double.doubleToRawLongBits(inside.apply(x)));
            assertClose(CompoundElements.readInsideGradient(x), AD.gradient(inside, x), 1e-14);
            ScalarFunction shifted = Instrumented.scalar(CompoundElements.class, "shiftedIndex");
            assertClose(CompoundElements.shiftedIndexGradient(x), AD.gradient(shifted, x), 1e-14);
            ScalarFunction mixed = Instrumented.scalar(CompoundElements.class, "mixed");
            assertClose(CompoundElements.mixedGradient(x), AD.gradient(mixed, x), 1e-14);
            assertClose(finiteDifferences(mixed, x), AD.gradient(mixed, x), 1e-6);
        }
    }
}
