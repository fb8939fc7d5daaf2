package dev.ad4j.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;

/** Gradient checks shared by the tests: closed forms and central finite differences. */
public final class Checks {

    private Checks() {
    }

    /** Asserts each component agrees to {@code rel} relative (absolute near zero). */
    public static void assertClose(double[] expected, double[] actual, double rel) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double tol = rel * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tol, "component " + i);
        }
    }

    /** @return the central finite-difference gradient with a relative step */
    public static double[] finiteDifferences(ScalarFunction f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] p = x.clone();
            double[] m = x.clone();
            p[i] += h;
            m[i] -= h;
            g[i] = (f.apply(p) - f.apply(m)) / (2 * h);
        }
        return g;
    }

    /**
     * Asserts that {@code f}'s gradient at {@code x} agrees with {@code closedForm} to 1e-13 and
     * with central differences to 1e-6, and that recording leaves its value bit for bit.
     */
    public static void assertGradient(ScalarFunction f, double[] x, double[] closedForm) {
        ValueAndGradient vg = AD.valueAndGradient(f, x);
        assertEquals(Double.doubleToRawLongBits(f.apply(x)), Double.doubleToRawLongBits(vg.value()),
                "value while recording");
        assertClose(closedForm, vg.gradient(), 1e-13);
        assertClose(finiteDifferences(f, x), vg.gradient(), 1e-6);
    }
}
