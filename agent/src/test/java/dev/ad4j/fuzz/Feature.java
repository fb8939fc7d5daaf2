package dev.ad4j.fuzz;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Language features the generator may use; every one is on by default. A spec such as
 * {@code -Dad4j.fuzz.features=-lambdas,-boxing} narrows a run down (a leading {@code +} adds one,
 * {@code all} takes every feature).
 */
enum Feature {
    /** {@code Math.sin/cos/exp/log/sqrt/pow/atan2/hypot/tanh/atan}, wrapped to stay in their domains. */
    MATH(true),
    /** {@code abs}, {@code min}, {@code max}, {@code %}: kinks that the smoothness check must cope with. */
    KINKS(true),
    /** {@code for} and {@code while} loops, including loops over arrays. */
    LOOPS(true),
    /** {@code if}/{@code else} and ternaries on comparisons of doubles. */
    BRANCHES(true),
    /** Local {@code double[]}: {@code new double[n]}, element stores, compound assignments. */
    ARRAYS(true),
    /** {@code System.arraycopy} between the input and local arrays. */
    ARRAYCOPY(true),
    /** {@code x.clone()} of a double array. */
    CLONE(true),
    /** {@code Arrays.copyOf} and {@code Arrays.fill} of double arrays. */
    ARRAYS_UTIL(true),
    /** Static helper methods with double parameters and results. */
    CALLS(true),
    /** A recursive helper with a depth bound. */
    RECURSION(true),
    /** {@code try}/{@code catch} with an exception thrown mid-computation. */
    TRY_CATCH(true),
    /** {@code (long)}/{@code (int)} conversions, passive by definition. */
    CONVERSIONS(true),
    /** A static double field of the generated class. */
    STATIC_FIELDS(true),
    /** A small object with double fields and an instance method. */
    OBJECTS(true),
    /** {@code DoubleUnaryOperator}/{@code DoubleBinaryOperator} lambdas, some capturing doubles. */
    LAMBDAS(true),
    /** Boxed {@code Double} locals. */
    BOXING(true);

    final boolean byDefault;

    Feature(boolean byDefault) {
        this.byDefault = byDefault;
    }

    /** @return the default set adjusted by a spec such as {@code +lambdas,-kinks} or {@code all} */
    static Set<Feature> parse(String spec) {
        Set<Feature> set = EnumSet.noneOf(Feature.class);
        for (Feature f : values()) {
            if (f.byDefault) {
                set.add(f);
            }
        }
        if (spec == null || spec.isBlank()) {
            return set;
        }
        for (String part : spec.split(",")) {
            String p = part.strip().toUpperCase(Locale.ROOT);
            if (p.equals("ALL")) {
                set.addAll(EnumSet.allOf(Feature.class));
            } else if (p.startsWith("-")) {
                set.remove(valueOf(p.substring(1)));
            } else {
                set.add(valueOf(p.startsWith("+") ? p.substring(1) : p));
            }
        }
        return set;
    }
}
