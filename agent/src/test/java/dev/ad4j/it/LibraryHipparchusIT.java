package dev.ad4j.it;

import static dev.ad4j.it.LibraryCommonsMathIT.check;
import static dev.ad4j.it.LibraryCommonsMathIT.determinantGradient;
import static dev.ad4j.it.LibraryCommonsMathIT.matrix;

import com.example.libs.hipparchus.HipparchusModels;
import dev.ad4j.agent.testing.Checks;
import org.junit.jupiter.api.Test;

/**
 * Gradients through Hipparchus 3.1 (core and ode) as published on Maven Central, rewritten as
 * it loads (the {@code libraries} failsafe execution includes {@code org.hipparchus.*}).
 */
class LibraryHipparchusIT {

    @Test
    void dormand_prince_853_drives_the_users_pendulum() {
        check(HipparchusModels::pendulum, new double[] {9.81, 0.3, 0.8, 0.1}, 1e-5);
    }

    @Test
    void special_functions_and_fast_math_match_their_closed_forms() {
        double a = 2.7;
        double b = 1.9;
        double[] g = check(HipparchusModels::special, new double[] {a, b}, 1e-6);
        double c = Math.cbrt(b);
        double e = Math.exp(c);
        double r2 = a * a + b * b;
        double[] expected = {LibraryCommonsMathIT.digamma(a) + b / r2, e + b * e / (3 * c * c) - a / r2};
        Checks.assertClose(expected, g, 1e-9);
    }

    @Test
    void lu_determinant_gradient_is_det_times_inverse_transpose() {
        double[] x = matrix(21, 3, 2);
        Checks.assertClose(determinantGradient(x, 3), check(HipparchusModels::determinant, x, 1e-6), 1e-11);
    }
}
