package dev.ad4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared contract every Math/StrictMath rule passes: a helper exists for every eligible JDK
 * method (discovered by reflection, so a new JDK method without a helper fails this test), its
 * partials match central finite differences, and it records the primal bit-identically.
 */
class MathRulesContractTest {
    private static final double[] POINTS = {-1.7, -0.6, 0.37, 0.81, 2.3};
    private static final int[] INT_POINTS = {3, -2};

    /** Static methods returning double whose parameters are double or int, at least one double. */
    static List<Method> eligible() {
        List<Method> out = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Math.class, StrictMath.class}) {
            for (Method m : c.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != double.class) {
                    continue;
                }
                boolean ok = true;
                int doubles = 0;
                for (Class<?> p : m.getParameterTypes()) {
                    ok &= p == double.class || p == int.class;
                    doubles += p == double.class ? 1 : 0;
                }
                if (ok && doubles > 0) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    static Method helperFor(Method m) throws NoSuchMethodException {
        Class<?>[] ps = m.getParameterTypes();
        List<Class<?>> hs = new ArrayList<>();
        hs.add(Tape.class);
        for (Class<?> p : ps) {
            if (p == double.class) {
                hs.add(int.class);
            }
        }
        for (Class<?> p : ps) {
            hs.add(p);
        }
        hs.add(double.class);
        Method h = Rt.class.getMethod(m.getName(), hs.toArray(new Class<?>[0]));
        assertEquals(int.class, h.getReturnType(), h.toString());
        assertTrue(Modifier.isStatic(h.getModifiers()) && Modifier.isPublic(h.getModifiers()), h.toString());
        return h;
    }

    @Test
    void every_eligible_math_method_has_a_helper() {
        List<String> missing = new ArrayList<>();
        for (Method m : eligible()) {
            try {
                helperFor(m);
            } catch (NoSuchMethodException e) {
                missing.add(m.getDeclaringClass().getSimpleName() + "." + m.getName());
            }
        }
        assertTrue(eligible().size() >= 2 * 36, "reflection found too few methods: " + eligible().size());
        assertTrue(missing.isEmpty(), "Rt lacks helpers for " + missing);
    }

    @Test
    void every_helper_matches_finite_differences_and_keeps_the_primal() throws Exception {
        for (Method m : eligible()) {
            Method h = helperFor(m);
            int checked = 0;
            for (Object[] args : ArgumentGrid.of(m.getParameterTypes(), POINTS, INT_POINTS)) {
                if (checkPoint(m, h, args)) {
                    checked++;
                }
            }
            assertTrue(checked >= 2, m + " was checked at only " + checked + " points");
        }
    }

    private static double call(Method m, Object[] args) {
        try {
            return (double) m.invoke(null, args);
        } catch (InvocationTargetException e) {
            return Double.NaN; // e.g. clamp with min > max
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static double fd(Method m, Object[] args, int k, double h) {
        Object[] p = args.clone();
        Object[] q = args.clone();
        p[k] = (double) args[k] + h;
        q[k] = (double) args[k] - h;
        return (call(m, p) - call(m, q)) / (2 * h);
    }

    /** Checks one point; returns false if the function is not finite and smooth there. */
    private static boolean checkPoint(Method m, Method h, Object[] args) throws Exception {
        double r = call(m, args);
        if (!Double.isFinite(r)) {
            return false;
        }
        Class<?>[] ps = m.getParameterTypes();
        List<Integer> dbl = new ArrayList<>();
        for (int k = 0; k < ps.length; k++) {
            if (ps[k] == double.class) {
                dbl.add(k);
            }
        }
        double[] expected = new double[dbl.size()];
        for (int j = 0; j < dbl.size(); j++) {
            int k = dbl.get(j);
            double step = 1e-6 * Math.max(1, Math.abs((double) args[k]));
            double d1 = fd(m, args, k, step);
            double d2 = fd(m, args, k, 2 * step);
            if (!Double.isFinite(d1) || Math.abs(d1 - d2) > 1e-5 * Math.max(1, Math.abs(d1))) {
                return false; // not smooth here (jump or kink within the step)
            }
            expected[j] = d1;
        }
        // All operands active, then each operand alone active.
        for (int active = -1; active < dbl.size(); active++) {
            Tape t = Tape.forCurrentThread();
            t.begin();
            try {
                Object[] hargs = new Object[1 + dbl.size() + ps.length + 1];
                hargs[0] = t;
                int[] idx = new int[dbl.size()];
                for (int j = 0; j < dbl.size(); j++) {
                    idx[j] = active < 0 || active == j ? t.input((double) args[dbl.get(j)]) : 0;
                    hargs[1 + j] = idx[j];
                }
                System.arraycopy(args, 0, hargs, 1 + dbl.size(), ps.length);
                hargs[hargs.length - 1] = r;
                int out = (int) h.invoke(null, hargs);
                double[] got = new double[dbl.size()];
                if (out != 0) {
                    int pos = t.position(out);
                    assertTrue(pos > 0, m + ": helper returned an invalid index");
                    assertEquals(Double.doubleToRawLongBits(r), Double.doubleToRawLongBits(t.values()[pos]),
                            m + ": recorded primal differs");
                    double[] adj = new double[pos + 1];
                    adj[pos] = 1;
                    Sweeps.reverse(t.ends(), t.argPositions(), t.partials(), adj, pos);
                    for (int j = 0; j < dbl.size(); j++) {
                        got[j] = idx[j] == 0 ? 0 : adj[t.position(idx[j])];
                    }
                }
                for (int j = 0; j < dbl.size(); j++) {
                    if (active < 0 || active == j) {
                        double e = expected[j];
                        if (Math.abs(got[j] - e) > 1e-6 * Math.max(1, Math.abs(e))) {
                            fail(m + " at " + java.util.Arrays.toString(args) + ": partial " + j + " is " + got[j]
                                    + ", finite differences give " + e);
                        }
                    }
                }
                // All-passive operands: index 0, with or without a tape.
                Object[] passive = hargs.clone();
                for (int j = 0; j < dbl.size(); j++) {
                    passive[1 + j] = 0;
                }
                assertEquals(0, (int) h.invoke(null, passive), m + ": passive operands must give 0");
                passive[0] = null;
                assertEquals(0, (int) h.invoke(null, passive), m + ": null tape must give 0");
            } finally {
                t.end();
            }
        }
        return true;
    }
}
