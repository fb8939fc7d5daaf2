package dev.ad4j.agent.internal.rewrite;

import static dev.ad4j.agent.testing.Checks.assertClose;
import static dev.ad4j.agent.testing.Checks.finiteDifferences;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.numeric.LongMethod;
import com.example.numeric.Piecewise;
import com.example.numeric.Rosenbrock;
import com.example.numeric.StackForms;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Instrumented;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** In-process: targets rewritten and verified, gradients against closed forms and differences. */
class RewrittenGradientsTest {

    @Test
    void rosenbrock_gradient_matches_closed_form_in_1000_dimensions() {
        double[] x = new Random(1).doubles(1000, -1.5, 1.5).toArray();
        ScalarFunction f = Instrumented.scalar(Rosenbrock.class, "value");
        assertEquals(Double.doubleToRawLongBits(Rosenbrock.value(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(Rosenbrock.gradient(x), AD.gradient(f, x), 1e-12);
    }

    @Test
    void loop_with_branches_and_static_helpers_matches_closed_form() {
        double[] x = {0.2, 0.9, -0.4, 1.3, 0.7, -1.1, 2.0, 0.45};
        ScalarFunction f = Instrumented.scalar(Piecewise.class, "value");
        assertEquals(Piecewise.value(x), f.apply(x));
        assertClose(Piecewise.gradient(x), AD.gradient(f, x), 1e-12);
        assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
    }

    @Test
    void a_long_unrolled_method_with_branches_keeps_its_primal_and_derivatives() {
        double[] x = {0.3, -1.2, 2.5, 0.8};
        ScalarFunction f = Instrumented.scalar(LongMethod.class, "value");
        assertEquals(Double.doubleToRawLongBits(LongMethod.value(x)), Double.doubleToRawLongBits(f.apply(x)));
        assertClose(finiteDifferences(f, x), AD.gradient(f, x), 1e-6);
    }

    @Test
    void stack_shuffles_compound_assignments_arraycopy_and_exceptions_keep_derivatives() {
        double[] x = {0.3, -1.2, 2.5, 0.8};
        for (String m : new String[] {"compound", "ternaryAndDup", "copies", "exceptions", "longsAndInts"}) {
            double[] at = m.equals("exceptions") ? new double[] {0.3, 1.7, 0.5, 4.0} : x;
            ScalarFunction plain = Instrumented.scalar(StackForms.class, m);
            assertClose(finiteDifferences(plain, at), AD.gradient(plain, at), 1e-6);
        }
    }

    @Test
    void fields_objects_lambdas_boxes_and_array_utilities_keep_derivatives() {
        double[] x = {0.7, 1.3, -0.4, 0.9};
        for (String m : new String[] {"shapes", "lambdas", "boxes", "arrays", "reflective"}) {
            ScalarFunction f = Instrumented.scalar(com.example.numeric.Objects.class, m);
            double[] ad = AD.gradient(f, x);
            double[] fd = finiteDifferences(f, x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(fd[i], ad[i], 1e-6 * Math.max(1, Math.abs(fd[i])), m + " component " + i);
            }
        }
    }
}
