package dev.ad4j;

/**
 * Thrown when no instrumented code ran while a function was being differentiated: the
 * function's class was not rewritten by the agent, so its derivative cannot be known.
 *
 * <pre>{@code
 * // java -javaagent:ad4j-agent.jar=includes=com.acme.* ...
 * AD.gradient(new com.other.Model()::energy, x); // NotInstrumentedException naming com.other.Model
 * }</pre>
 */
public class NotInstrumentedException extends ADException {
    private static final long serialVersionUID = 1L;

    private final String className;

    /** Creates the exception for the class of the function that was not instrumented. */
    public NotInstrumentedException(String className) {
        super("No instrumented code ran while differentiating " + className + ": its class was not"
                + " rewritten by the ad4j agent. Add it to the agent's includes= option, e.g."
                + " -javaagent:ad4j-agent.jar=includes=" + suggestPattern(className)
                + " (and check that the agent is attached and printed no warning for this class).");
        this.className = className;
    }

    /** The class of the function (for a lambda, the class that defines its body). */
    public String className() {
        return className;
    }

    private static String suggestPattern(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".*";
    }
}
