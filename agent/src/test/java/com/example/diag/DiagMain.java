package com.example.diag;

import com.example.diag.lib.Lib;
import dev.ad4j.AD;
import dev.ad4j.Diagnostics;
import dev.ad4j.ScalarFunction;
import java.util.Arrays;
import java.util.Map;

/**
 * A user's program run with {@code diagnostics=true} in forked JVMs ({@code DiagnosticsIT}):
 * prints the gradient of one named model at a point, then the diagnostics reported. Usage:
 * {@code DiagMain model x...}.
 */
public final class DiagMain {

    private static final Map<String, ScalarFunction> MODELS = Map.of(
            "doubleThenArray", DiagMain::doubleThenArray,
            "instanceRule", DiagMain::instanceRule,
            "arrayToExcluded", DiagMain::arrayToExcluded,
            "discreteJdk", DiagMain::discreteJdk);

    private DiagMain() {
    }

    /** Instrumented callees whose double parameters come before a double[]: 4 x0 x1 + x1. */
    static double doubleThenArray(double[] x) {
        return Callee.take(x[0], new double[] {x[1]})
                + new Callee(x[0], new double[] {x[1]}).product()
                + new Callee(1, new double[0]).withOffset(x[0], x[1], new double[] {x[1]})
                + new Pair(x[0], new double[] {x[1]}).product();
    }

    /** An instance method that a rules file wrongly declares like sin: 3 x0 + x1^2. */
    static double instanceRule(double[] x) {
        return new Scaler(3).apply(x[0]) + x[1] * x[1];
    }

    /** An active array passed to a class that is not rewritten: x0 + (x0^2 + x1^2), of which only x0 is differentiated. */
    static double arrayToExcluded(double[] x) {
        return x[0] + Lib.sumSq(x);
    }

    /**
     * Doubles passed to JDK comparisons and tests, and the larger of two boxes by
     * {@code Double::compare}: x0 x1 + max(x0, x1).
     */
    static double discreteJdk(double[] x) {
        double flags = (Double.compare(x[0], x[1]) > 0 ? 1 : 0) + (Double.isNaN(x[0]) ? 1 : 0);
        Double larger = java.util.List.of(x[0], x[1]).stream().max(Double::compare).orElseThrow();
        return x[0] * x[1] + larger + 0 * flags;
    }

    public static void main(String[] args) {
        double[] x = new double[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            x[i - 1] = Double.parseDouble(args[i]);
        }
        System.out.println("gradient " + Arrays.toString(AD.gradient(MODELS.get(args[0]), x)));
        Diagnostics.reports().forEach(r -> System.out.println("report " + r));
    }
}
