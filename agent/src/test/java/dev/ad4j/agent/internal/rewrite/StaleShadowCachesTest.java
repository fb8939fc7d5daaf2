package dev.ad4j.agent.internal.rewrite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.numeric.StaleCaches;
import dev.ad4j.ScalarFunction;
import dev.ad4j.agent.testing.Checks;
import dev.ad4j.agent.testing.Instrumented;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Accesses that share a shadow cache ({@link ShadowCaches}) within one block, where what the
 * cache remembers goes stale between them ({@link StaleCaches}): each access must still find the
 * shadow of the array it reads. Gradients against closed forms and central differences, primal
 * results bit for bit. {@code GradientAcceptanceIT} runs the same functions under the agent.
 */
class StaleShadowCachesTest {

    private static final double[] X = new Random(5).doubles(9, -1.5, 1.5).toArray();

    @Test
    void two_elements_of_one_array_in_a_block() {
        check("twoElements", StaleCaches::twoElements, StaleCaches::twoElementsGradient);
    }

    @Test
    void a_store_through_another_local_naming_the_same_array_gives_it_its_shadow() {
        check("aliasStores", StaleCaches::aliasStores, StaleCaches::aliasStoresGradient);
    }

    @Test
    void a_local_reassigned_between_an_access_and_its_load() {
        check("reassignedMidAccess", StaleCaches::reassignedMidAccess, StaleCaches::reassignedMidAccessGradient);
    }

    @Test
    void a_field_reassigned_by_a_call_inside_an_access() {
        check("fieldReassignedByCall", StaleCaches::fieldReassignedByCall, StaleCaches::fieldReassignedByCallGradient);
    }

    private static void check(String method, ScalarFunction plain, UnaryOperator<double[]> closedForm) {
        ScalarFunction f = Instrumented.scalar(StaleCaches.class, method);
        assertEquals(Double.doubleToRawLongBits(plain.apply(X)), Double.doubleToRawLongBits(f.apply(X)), method);
        Checks.assertGradient(f, X, closedForm.apply(X));
    }
}
