package dev.ad4j;

/**
 * A function from R^n to R^m whose body is instrumented code.
 *
 * <pre>{@code
 * VectorFunction polar = x -> new double[] {x[0] * Math.cos(x[1]), x[0] * Math.sin(x[1])};
 * double[][] j = AD.jacobian(polar, new double[] {2, 0.5});
 * }</pre>
 */
@FunctionalInterface
public interface VectorFunction {
    /** Evaluates the function; the result should be a fresh array. */
    double[] apply(double[] x);
}
