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
    void branch_on_a_fast_oscillating_value_is_not_mistaken_for_a_wrong_derivative() {
        // The condition v1 <= r(v1, 2) flips every ~1e-6 in x0 (pow of 1.25 + sin(2.6e5) under- or
        // overflows), and the other branch doubles the slope: differences with steps 1e-5 and 1e-6
        // both straddle a flip and agree on 306.79, while the derivative at x is 153.89 (step 1e-7
        // and the analytic derivative agree). The oracle must not call this a mismatch.
        double[] x = {1.1110797444910694, -1.5015335359379214};
        check(RecursiveCallInTernaryCondition.class, x);
        double[] ad = dev.ad4j.AD.gradient(Instrumented.scalar(RecursiveCallInTernaryCondition.class, "f"), x);
        double x0 = x[0];
        double a = 1.25 + Math.sin(1.5 * x0);
        double b = 3 * x0;
        double p = Math.pow(a, b);
        double q = Math.sin(x0) + x0 + 2;
        double dp = p * (b * 1.5 * Math.cos(1.5 * x0) / a + 3 * Math.log(a));
        assertEquals(1 + dp * q + p * (Math.cos(x0) + 1), ad[0], 1e-9 * Math.abs(ad[0]));
        assertEquals(0.125, ad[1], 0);
    }

    @Test
    void derivative_of_a_fast_oscillation_in_a_denominator_matches_forward_mode_dual_numbers() {
        // The oracle still calls this a mismatch (seed 127): no difference step resolves the
        // oscillation. ad4j is right: forward mode by hand gives its value to 1e-12.
        double[] x = {-1.2861208474069135, -0.3030463097757119, -0.11853835764275678};
        double[] ad = dev.ad4j.AD.gradient(Instrumented.scalar(com.example.regress.OscillationInDenominator.class, "f"), x);
        // The same computation in forward mode, by x0: value and derivative side by side.
        double s = 0.25 * x[0];
        double ds = 0.25;
        for (int i = 0; i < 3; i++) {
            s += s + (x[0] + s);
            ds = 3 * ds + 1;
        }
        int k = (int) (s * 2.0);
        double v1 = 1.5 * x[1];
        double dv1 = 0;
        for (int w = 0; w < 3; w++) {
            v1 += s * k;
            dv1 += ds * k;
        }
        double u = 2 * v1;
        double g = v1 * (0.5 + 0.5 * Math.cos(2.0)) + Math.cos(u * u);
        double dg = ((0.5 + 0.5 * Math.cos(2.0)) - Math.sin(u * u) * 2 * u * 2) * dv1;
        double v0 = 0.5 * x[1];
        double q = v0 * g;
        double den = 1 + q * q;
        double dden = 2 * q * v0 * dg;
        assertEquals(dv1 - v0 * dden / (den * den) + 0.125, ad[0], 1e-12 * Math.abs(ad[0]));
    }

    @Test
    void derivative_of_a_fast_oscillation_under_atan_matches_forward_mode_dual_numbers() {
        double[] x = {1.7905536590618323, 1.1244372052389289, 1.7942001824518683, 1.411953873608386};
        double[] ad = dev.ad4j.AD.gradient(Instrumented.scalar(com.example.regress.OscillationUnderAtan.class, "f"), x);
        for (int comp = 1; comp <= 2; comp++) {
            // The same computation in forward mode: value and derivative by x[comp] side by side.
            double dx1 = comp == 1 ? 1 : 0;
            double dx2 = comp == 2 ? 1 : 0;
            double s = 0.25 * x[2];
            double ds = 0.25 * dx2;
            double t = (double) (long) (x[2] * 3.0) + x[1];
            double m = 3.0 + x[2];
            ds += dx2 * t + m * dx1;
            s += m * t;
            double a = s;
            double da = ds;
            for (int w = 0; w < 3; w++) {
                double sn = 2.0 + Math.sin(a);
                double dsn = Math.cos(a) * da;
                double q = -0.75 / sn;
                double dq = 0.75 / (sn * sn) * dsn;
                double p = q * (a * a);
                double dp = dq * (a * a) + q * (2 * a * da);
                a -= p;
                da -= dp;
            }
            double expected = da / (1 + a * a) + 0.125 * dx1;
            assertEquals(expected, ad[comp], 1e-12 * Math.abs(expected), "component " + comp);
        }
        assertEquals(0.0, ad[0]);
        assertEquals(0.0, ad[3]);
        check(com.example.regress.OscillationUnderAtan.class, x);
    }

    @Test
    void cancellation_of_a_large_intermediate_is_rounding_in_the_differences_not_in_ad4j() {
        // Seed 149: differences in x0 see s rounded to ulp(3e5) and give 0.2500019; the
        // derivative is exactly 0.25 (d cancels), and ad4j's sweep adds -1 and +1 exactly.
        double[] x = {-0.22190133669844414, 0.8214450212685906};
        double[] ad = dev.ad4j.AD.gradient(
                Instrumented.scalar(com.example.regress.CancellationOfALargeIntermediate.class, "f"), x);
        assertEquals(0.25, ad[0], 0);
        assertEquals(0.125, ad[1], 0);
        // The oracle allows for the intermediate's rounding (ulp(largest) / step) and agrees.
        check(com.example.regress.CancellationOfALargeIntermediate.class, x);
    }
}
