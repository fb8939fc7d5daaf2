package dev.ad4j;

/**
 * A function from R^n to R whose body is instrumented code.
 *
 * <pre>{@code
 * ScalarFunction rosenbrock = x -> (1 - x[0]) * (1 - x[0]) + 100 * Math.pow(x[1] - x[0] * x[0], 2);
 * double[] g = AD.gradient(rosenbrock, new double[] {1.5, 2});
 * }</pre>
 */
@FunctionalInterface
public interface ScalarFunction {
    /** Evaluates the function. The array may be read but should not be kept. */
    double apply(double[] x);
}
