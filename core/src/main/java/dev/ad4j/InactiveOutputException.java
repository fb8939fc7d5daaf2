package dev.ad4j;

/**
 * Thrown when the output of a derivative request does not depend on the input: instrumented
 * code ran, but the returned value carries no tape index. ad4j reports this rather than
 * returning zeros, because it more often means a dependency was lost (through uninstrumented
 * code, a conversion to {@code float} or {@code long}, a branch-only dependency) than a
 * genuinely constant function.
 *
 * <pre>{@code
 * AD.gradient(x -> 42.0, new double[] {1}); // InactiveOutputException (if the lambda is instrumented)
 * }</pre>
 */
public class InactiveOutputException extends ADException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception naming the function's class. */
    public InactiveOutputException(String className) {
        super("The output of " + className + " does not depend on the input: instrumented code ran but"
                + " the returned value carries no derivative. Either the function is constant in x, or the"
                + " dependency passed through code that is not instrumented (add it to the agent's"
                + " includes= option) or through a conversion that is passive by definition (double to"
                + " float/int/long, Double.doubleToRawLongBits, ...).");
    }
}
