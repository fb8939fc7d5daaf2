package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.numeric.BlackScholes;
import com.example.numeric.Piecewise;
import com.example.numeric.References;
import com.example.numeric.Rosenbrock;
import com.example.numeric.StaleCaches;
import com.example.numeric.TraceShapes;
import com.example.numeric.Survey;
import dev.ad4j.AD;
import dev.ad4j.InactiveOutputException;
import dev.ad4j.NotInstrumentedException;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import dev.ad4j.agent.testing.Checks;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM started with {@code -javaagent:ad4j-agent.jar=includes=com.example.*,strict=true}
 * (see the failsafe configuration): the targets are ordinary compiled classes rewritten as they
 * load, exactly as in a user's program.
 */
class GradientAcceptanceIT {

    @Test
    void survey_example_gradient_is_exact() {
        double[] x = {2, 5};
        ValueAndGradient vg = AD.valueAndGradient(Survey::f, x);
        assertEquals(Math.log(2) + 10 - Math.sin(5), vg.value());
        Checks.assertClose(new double[] {1 / 2.0 + 5, 2 - Math.cos(5)}, vg.gradient(), 1e-12);
        Checks.assertClose(Checks.finiteDifferences(Survey::f, x), vg.gradient(), 1e-6);
    }

    @Test
    void rosenbrock_in_1000_dimensions_matches_closed_form_and_differences() {
        double[] x = new Random(7).doubles(1000, -2, 2).toArray();
        double[] g = AD.gradient(Rosenbrock::value, x);
        Checks.assertClose(Rosenbrock.gradient(x), g, 1e-12);
        double[] fd = Checks.finiteDifferences(Rosenbrock::value, x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(fd[i], g[i], 1e-6 * Math.max(1, Math.abs(g[i])) * 10, "component " + i);
        }
    }

    @Test
    void black_scholes_greeks_match_the_analytic_greeks() {
        Random random = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            double[] p = {80 + 40 * random.nextDouble(), 80 + 40 * random.nextDouble(),
                0.1 + 2 * random.nextDouble(), 0.05 * random.nextDouble(), 0.1 + 0.4 * random.nextDouble()};
            double[] g = AD.gradient(BlackScholes::price, p);
            Checks.assertClose(BlackScholes.greeks(p), g, 1e-12);
            Checks.assertClose(Checks.finiteDifferences(BlackScholes::price, p), g, 1e-6);
        }
    }

    @Test
    void loop_with_branches_and_helper_methods_matches_closed_form() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = random.doubles(12, -1.5, 2.5).toArray();
            double[] g = AD.gradient(Piecewise::value, x);
            Checks.assertClose(Piecewise.gradient(x), g, 1e-12);
            Checks.assertClose(Checks.finiteDifferences(Piecewise::value, x), g, 1e-6);
        }
    }

    @Test
    void arrays_read_again_after_what_their_shadow_cache_remembers_went_stale() {
        double[] x = new Random(5).doubles(9, -1.5, 1.5).toArray();
        Checks.assertGradient(StaleCaches::twoElements, x, StaleCaches.twoElementsGradient(x));
        Checks.assertGradient(StaleCaches::aliasStores, x, StaleCaches.aliasStoresGradient(x));
        Checks.assertGradient(StaleCaches::reassignedMidAccess, x, StaleCaches.reassignedMidAccessGradient(x));
        Checks.assertGradient(StaleCaches::fieldReassignedByCall, x, StaleCaches.fieldReassignedByCallGradient(x));
    }

    @Test
    void output_that_does_not_depend_on_the_input_is_reported_not_zero() {
        InactiveOutputException e = assertThrows(InactiveOutputException.class,
                () -> AD.gradient(Survey::constant, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("does not depend"), e.getMessage());
    }

    @Test
    void function_whose_code_is_not_instrumented_is_reported_by_name() {
        ScalarFunction notSelected = x -> x[0] * x[1];
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> AD.gradient(notSelected, new double[] {1, 2}));
        assertTrue(e.getMessage().contains(GradientAcceptanceIT.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("includes"), e.getMessage());
    }

    @Test
    void a_method_reference_on_a_model_that_is_not_instrumented_names_the_models_package() {
        dev.ad4j.it.outside.Quadratic model = new dev.ad4j.it.outside.Quadratic();
        NotInstrumentedException e = assertThrows(NotInstrumentedException.class,
                () -> AD.gradient(model::value, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("on a dev.ad4j.it.outside.Quadratic"), e.getMessage());
        assertTrue(e.getMessage().contains("includes=dev.ad4j.it.outside.*"), e.getMessage());
    }

    @Test
    void traces_of_the_survey_example_written_as_one_expression_show_every_operation() {
        dev.ad4j.Recording r = AD.record(Survey::f, new double[] {2, 5});
        String primal = r.primalTrace();
        assertTrue(primal.contains("v1 = ln v-1 = 0.693"), primal);
        assertTrue(primal.contains("v2 = v-1 * v0 = 10.000"), primal);
        assertTrue(primal.contains("v3 = v1 + v2 = 10.693"), primal);
        assertTrue(primal.contains("v4 = sin v0 = -0.959"), primal);
        assertTrue(primal.contains("v5 = v3 - v4 = 11.652"), primal);
        assertTrue(r.adjointTrace().contains("5.500"), r.adjointTrace());
        assertTrue(r.adjointTrace().contains("1.716"), r.adjointTrace());
    }

    @Test
    void method_references_to_jdk_functions_made_before_the_recording_keep_their_derivative() {
        References model = References.tanhLayer(); // Math::tanh and Double::sum, made outside any recording
        double[] x = {0.8, 0.5, -1.5};
        double t = Math.tanh(x[1]);
        Checks.assertGradient(model::apply, x, new double[] {t + x[2], x[0] * (1 - t * t), x[0]});
        assertEquals(Math.cos(1.0), AD.derivative(References.sine(), 1.0), 1e-15);
    }

    @Test
    void traces_of_a_function_returning_an_input_and_of_a_constant_on_the_right() {
        dev.ad4j.Recording identity = AD.record(TraceShapes::first, new double[] {0.5, 1.5, 2});
        assertTrue(identity.primalTrace().endsWith("y = v-2 = 0.500\n"), identity.primalTrace());
        assertTrue(identity.adjointTrace().contains("x\u03041 = v\u0304-2 = 1.000\n"), identity.adjointTrace());
        assertTrue(identity.adjointTrace().contains("x\u03043 = v\u03040 = 0.000\n"), identity.adjointTrace());
        String doubled = AD.record(TraceShapes::doubled, new double[] {1.5, 2}).primalTrace();
        assertTrue(doubled.contains("v2 = v1 * c = 6.000\n"), doubled);
    }
}
