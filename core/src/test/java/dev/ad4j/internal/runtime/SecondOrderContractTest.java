package dev.ad4j.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ad4j.ADException;
import dev.ad4j.DerivativeRules;
import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The second-order contract every operation helper of {@link Rt} passes: on a second-order tape
 * its first partials are bit-identical to the first-order ones, and its local Hessian (read back
 * through the second-order sweeps) matches central differences of its first partials, with all
 * operands active and with each operand alone active. Helpers are discovered by reflection
 * (shape {@code (Tape, k operand indices, the original parameters, double result)int}), so a new
 * helper without a primal here, or without second partials, fails this test.
 */
class SecondOrderContractTest {
    private static final double[] POINTS = {-1.7, -0.6, 0.37, 0.81, 1.45, 2.3};
    private static final int[] INT_POINTS = {3, -2, 1};

    /** Primals of helpers that have no java.lang.Math method of the same shape. */
    private static final Map<String, Function<Object[], Double>> EXTRA = new HashMap<>();

    static {
        EXTRA.put("dadd(double,double)", a -> (double) a[0] + (double) a[1]);
        EXTRA.put("dsub(double,double)", a -> (double) a[0] - (double) a[1]);
        EXTRA.put("dmul(double,double)", a -> (double) a[0] * (double) a[1]);
        EXTRA.put("ddiv(double,double)", a -> (double) a[0] / (double) a[1]);
        EXTRA.put("drem(double,double)", a -> (double) a[0] % (double) a[1]);
        EXTRA.put("dneg(double)", a -> -(double) a[0]);
        EXTRA.put("asinh(double)", a -> {
            double x = (double) a[0];
            return Math.log(x + Math.sqrt(x * x + 1));
        });
        EXTRA.put("acosh(double)", a -> {
            double x = (double) a[0];
            return Math.log(x + Math.sqrt(x * x - 1));
        });
        EXTRA.put("atanh(double)", a -> {
            double x = (double) a[0];
            return 0.5 * Math.log((1 + x) / (1 - x));
        });
        EXTRA.put("pow(double,int)", a -> Math.pow((double) a[0], (int) a[1]));
        EXTRA.put("pow(double,long)", a -> Math.pow((double) a[0], (long) a[1]));
        EXTRA.put("log(double,double)", a -> Math.log((double) a[1]) / Math.log((double) a[0]));
        EXTRA.put("clamp(double,double,double)", a -> Math.min(Math.max((double) a[0], (double) a[1]), (double) a[2]));
    }

    /** An operation helper and the primal it differentiates. */
    record Helper(Method helper, Class<?>[] params, Function<Object[], Double> primal) {
        String name() {
            return helper.getName() + Arrays.toString(params);
        }

        int doubles() {
            int k = 0;
            for (Class<?> p : params) {
                k += p == double.class ? 1 : 0;
            }
            return k;
        }
    }

    static String key(String name, Class<?>[] ps) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < ps.length; i++) {
            b.append(i > 0 ? "," : "").append(ps[i].getName());
        }
        return b.append(')').toString();
    }

    /** Every public static Rt method of the shape (Tape, k ints, original params with k doubles, double)int. */
    static List<Helper> helpers() {
        List<Helper> out = new ArrayList<>();
        List<String> noPrimal = new ArrayList<>();
        for (Method h : Rt.class.getMethods()) {
            Class<?>[] ps = h.getParameterTypes();
            if (!Modifier.isStatic(h.getModifiers()) || h.getReturnType() != int.class || ps.length < 4
                    || ps[0] != Tape.class || ps[ps.length - 1] != double.class || isExpressionHelper(h)) {
                continue;
            }
            int k = 0;
            while (1 + k < ps.length && ps[1 + k] == int.class) {
                k++;
            }
            Class<?>[] orig = Arrays.copyOfRange(ps, 1 + k, ps.length - 1);
            int doubles = 0;
            boolean ok = true;
            for (Class<?> p : orig) {
                doubles += p == double.class ? 1 : 0;
                ok &= p == double.class || p == int.class || p == long.class;
            }
            if (k == 0 || doubles != k || !ok) {
                continue;
            }
            Function<Object[], Double> primal = EXTRA.get(key(h.getName(), orig));
            if (primal == null) {
                try {
                    Method m = Math.class.getMethod(h.getName(), orig);
                    primal = a -> invoke(m, a);
                } catch (NoSuchMethodException e) {
                    noPrimal.add(key(h.getName(), orig));
                    continue;
                }
            }
            out.add(new Helper(h, orig, primal));
        }
        assertTrue(noPrimal.isEmpty(), "helpers without a primal in the second-order contract: " + noPrimal);
        return out;
    }

    /**
     * The expression helpers (exprN, accN, and xadd ... which delegate to dadd ...) are covered by
     * {@code ExpressionHelpersTest}; in an elementary recording xadd is dadd.
     */
    private static boolean isExpressionHelper(Method h) {
        return h.getName().startsWith("expr") || h.getName().startsWith("acc") || h.getName().matches("x(add|sub|mul|div|neg)");
    }

    private static double invoke(Method m, Object[] args) {
        try {
            return (double) m.invoke(null, args);
        } catch (InvocationTargetException e) {
            return Double.NaN;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void discovery_finds_the_arithmetic_math_and_fast_math_helpers() {
        List<String> names = new ArrayList<>();
        for (Helper h : helpers()) {
            names.add(key(h.helper().getName(), h.params()));
        }
        for (String expected : List.of("dmul(double,double)", "ddiv(double,double)", "sin(double)", "pow(double,double)",
                "pow(double,int)", "pow(double,long)", "log(double,double)", "atan2(double,double)", "fma(double,double,double)",
                "asinh(double)", "hypot(double,double)", "cbrt(double)", "scalb(double,int)", "nextAfter(double,double)")) {
            assertTrue(names.contains(expected), "not discovered: " + expected + " in " + names);
        }
        assertTrue(names.size() >= 45, "too few helpers discovered: " + names);
    }

    @Test
    void every_helper_records_second_partials_that_match_differences_of_its_first_partials() throws Exception {
        for (Helper h : helpers()) {
            int checked = 0;
            for (Object[] args : ArgumentGrid.of(h.params(), POINTS, INT_POINTS)) {
                if (checkPoint(h, args)) {
                    checked++;
                }
            }
            if (!h.helper().getName().matches("floor|ceil|rint|signum|ulp")) {
                assertTrue(checked >= 2, h.name() + " was checked at only " + checked + " points");
            }
        }
    }

    private static int[] doublePositions(Class<?>[] ps) {
        int[] pos = new int[ps.length];
        int k = 0;
        for (int i = 0; i < ps.length; i++) {
            if (ps[i] == double.class) {
                pos[k++] = i;
            }
        }
        return Arrays.copyOf(pos, k);
    }

    /** First partials of the helper at {@code args}, all operands active, from a first-order recording. */
    static double[] firstPartials(Helper h, Object[] args) throws Exception {
        double r = h.primal().apply(args);
        int[] dp = doublePositions(h.params());
        double[] g = new double[dp.length];
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int[] idx = new int[dp.length];
            for (int j = 0; j < dp.length; j++) {
                idx[j] = t.input((double) args[dp[j]]);
            }
            int out = (int) h.helper().invoke(null, helperArgs(t, idx, args, r));
            if (out != 0) {
                int pos = t.position(out);
                double[] adj = new double[pos + 1];
                adj[pos] = 1;
                Sweeps.reverse(t.ends(), t.argPositions(), t.partials(), adj, pos);
                for (int j = 0; j < dp.length; j++) {
                    g[j] = adj[t.position(idx[j])];
                }
            }
        } finally {
            t.end();
        }
        return g;
    }

    private static Object[] helperArgs(Tape t, int[] idx, Object[] args, double r) {
        Object[] hargs = new Object[1 + idx.length + args.length + 1];
        hargs[0] = t;
        for (int j = 0; j < idx.length; j++) {
            hargs[1 + j] = idx[j];
        }
        System.arraycopy(args, 0, hargs, 1 + idx.length, args.length);
        hargs[hargs.length - 1] = r;
        return hargs;
    }

    private static double[] firstPartialsAt(Helper h, Object[] args, int k, double step) throws Exception {
        Object[] p = args.clone();
        p[k] = (double) args[k] + step;
        return firstPartials(h, p);
    }

    /** Checks one point; returns false if the helper's first partials are not finite and smooth there. */
    private static boolean checkPoint(Helper h, Object[] args) throws Exception {
        double r = h.primal().apply(args);
        if (!Double.isFinite(r)) {
            return false;
        }
        int[] dp = doublePositions(h.params());
        int n = dp.length;
        double[] g = firstPartials(h, args);
        for (double gj : g) {
            if (!Double.isFinite(gj)) {
                return false;
            }
        }
        // Expected local Hessian: central differences of the first partials (two steps agree = smooth).
        double[][] expected = new double[n][n];
        for (int k = 0; k < n; k++) {
            double step = 1e-5 * Math.max(1, Math.abs((double) args[dp[k]]));
            double[] gp = firstPartialsAt(h, args, dp[k], step);
            double[] gm = firstPartialsAt(h, args, dp[k], -step);
            double[] gp2 = firstPartialsAt(h, args, dp[k], 2 * step);
            double[] gm2 = firstPartialsAt(h, args, dp[k], -2 * step);
            for (int j = 0; j < n; j++) {
                double d1 = (gp[j] - gm[j]) / (2 * step);
                double d2 = (gp2[j] - gm2[j]) / (4 * step);
                if (!Double.isFinite(d1) || Math.abs(d1 - d2) > 1e-5 * Math.max(1, Math.abs(d1))) {
                    return false; // a kink or jump of the first partials within the step
                }
                expected[j][k] = d1;
            }
        }
        // All operands active, then each operand alone.
        for (int active = -1; active < n; active++) {
            Tape t = Tape.forCurrentThread();
            t.beginSecondOrder();
            try {
                int[] idx = new int[n];
                for (int j = 0; j < n; j++) {
                    idx[j] = active < 0 || active == j ? t.input((double) args[dp[j]]) : 0;
                }
                int out = (int) h.helper().invoke(null, helperArgs(t, idx, args, r));
                double[][] got = new double[n][n];
                double[] grad = new double[n];
                if (out != 0) {
                    int pos = t.position(out);
                    assertEquals(Double.doubleToRawLongBits(r), Double.doubleToRawLongBits(t.values()[pos]),
                            h.name() + ": recorded primal differs");
                    double[] adj = new double[pos + 1];
                    adj[pos] = 1;
                    Sweeps.reverse(t, adj, pos);
                    for (int k = 0; k < n; k++) {
                        if (idx[k] == 0) {
                            continue;
                        }
                        grad[k] = adj[t.position(idx[k])];
                        double[] tan = new double[pos + 1];
                        tan[t.position(idx[k])] = 1;
                        Sweeps.forward(t, tan, pos);
                        double[] sadj = new double[pos + 1];
                        Sweeps.secondOrderReverse(t, adj, tan, sadj, pos, 1);
                        for (int j = 0; j < n; j++) {
                            got[j][k] = idx[j] == 0 ? 0 : sadj[t.position(idx[j])];
                        }
                    }
                }
                for (int j = 0; j < n; j++) {
                    if (active >= 0 && active != j) {
                        continue;
                    }
                    assertEquals(Double.doubleToRawLongBits(g[j]), Double.doubleToRawLongBits(grad[j]),
                            h.name() + " at " + Arrays.toString(args) + ": first partial " + j
                                    + " differs between first- and second-order recording");
                    for (int k = 0; k < n; k++) {
                        if (active >= 0 && active != k) {
                            continue;
                        }
                        double e = expected[j][k];
                        if (Math.abs(got[j][k] - e) > 1e-6 * Math.max(1, Math.abs(e))) {
                            fail(h.name() + " at " + Arrays.toString(args) + " (active " + (active < 0 ? "all" : active)
                                    + "): second partial [" + j + "][" + k + "] is " + got[j][k]
                                    + ", differences of the first partials give " + e);
                        }
                    }
                }
            } finally {
                t.end();
            }
        }
        return true;
    }

    @Test
    void negative_indices_of_fresh_temporaries_are_not_folded_in_second_order_mode() {
        Tape t = Tape.forCurrentThread();
        t.beginSecondOrder();
        try {
            int a = t.input(3);
            int m = Rt.dmul(t, a, a, 3, 3, 9);   // fresh temporary
            int s = Rt.dadd(t, -m, a, 9, 3, 12); // would fold into m on a first-order tape
            assertTrue(t.position(s) == t.position(m) + 1, "folded: " + s + " vs " + m);
            assertEquals(1, t.secondCount());
        } finally {
            t.end();
        }
        t.begin();
        try {
            int a = t.input(3);
            int m = Rt.dmul(t, a, a, 3, 3, 9);
            int s = Rt.dadd(t, -m, a, 9, 3, 12);
            assertEquals(m, s, "first-order recording folds as before");
            assertEquals(0, t.secondCount());
        } finally {
            t.end();
        }
    }

    @Test
    void a_derivative_rule_in_second_order_mode_is_an_error_naming_the_method() {
        DerivativeRules.register("com.acme.Special", "erfLike", "(D)D", (args, result, partials) -> partials[0] = 1);
        int rule = DerivativeRules.lookup("com/acme/Special", "erfLike", "(D)D");
        Tape t = Tape.forCurrentThread();
        t.beginSecondOrder();
        try {
            int a = t.input(0.5);
            ADException e = assertThrows(ADException.class, () -> Rt.rule1(t, a, 0.5, 0.5, rule));
            assertTrue(e.getMessage().contains("com.acme.Special.erfLike(D)D"), e.getMessage());
        } finally {
            t.end();
        }
        t.begin();
        try {
            int a = t.input(0.5);
            assertTrue(Rt.rule1(t, a, 0.5, 0.5, rule) != 0, "first order still works");
        } finally {
            t.end();
        }
    }
}
