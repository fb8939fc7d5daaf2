package dev.ad4j;

/**
 * Base class of the errors ad4j reports instead of returning a silently wrong derivative.
 *
 * <pre>{@code
 * try {
 *     double[] g = AD.gradient(f, x);
 * } catch (ADException e) {
 *     System.err.println("cannot differentiate: " + e.getMessage());
 * }
 * }</pre>
 */
public class ADException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and what to do. */
    public ADException(String message) {
        super(message);
    }

    /** Creates an exception with a message and a cause. */
    public ADException(String message, Throwable cause) {
        super(message, cause);
    }
}
