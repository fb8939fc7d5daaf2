package dev.ad4j;

/**
 * Thrown when an {@link AD} entry point is called on a thread that is already recording,
 * typically from inside a function that is being differentiated. Nested recordings (and
 * therefore derivatives of derivatives through the tape) are not supported in this version.
 *
 * <pre>{@code
 * ScalarFunction outer = x -> AD.gradient(inner, x)[0]; // throws NestedRecordingException
 * AD.gradient(outer, new double[] {1});
 * }</pre>
 */
public class NestedRecordingException extends ADException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception for the thread that is already recording. */
    public NestedRecordingException(Thread thread) {
        super("Thread '" + thread.getName() + "' is already recording an ad4j tape: nested recordings"
                + " (an AD call inside a function being differentiated) are not supported in this version."
                + " Compute the inner derivative outside the recorded function.");
    }
}
