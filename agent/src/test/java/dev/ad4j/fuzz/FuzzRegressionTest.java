package dev.ad4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.regress.RecursiveCallInTernaryCondition;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Instrumented;
import org.junit.jupiter.api.Test;

/** Programs the fuzzer once failed on, minimised, each checked by the same oracle. */
class FuzzRegressionTest {

    private static void check(Class<?> target, double[] x) {
        ScalarFunction plain = Campaign.function(target, "f");
        ScalarFunction rewritten = Instrumented.scalar(target, "f");
        Oracle.Verdict v = Oracle.check(plain, rewritten, x);
        assertEquals(Oracle.Outcome.OK, v.outcome(), v.detail());
    }

    @Test
    void recursive_call_in_ternary_condition_keeps_the_full_derivative_of_the_accumulator() {
        // Expected gradient (finite differences, steps 1e-5 and 1e-6 agree): {306.789123..., 0.125}.
        check(RecursiveCallInTernaryCondition.class, new double[] {1.1110797444910694, -1.5015335359379214});
    }
}
