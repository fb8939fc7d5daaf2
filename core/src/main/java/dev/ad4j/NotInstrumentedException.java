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
        this(className, false);
    }

    /**
     * @param lambda whether the function is a lambda or method reference created in
     *     {@code className} (its body, or the method it refers to, may live elsewhere)
     */
    public NotInstrumentedException(String className, boolean lambda) {
        this(className, lambda, null);
    }

    /**
     * @param lambda whether the function is a lambda or method reference created in
     *     {@code className}
     * @param captured the class of an object the lambda captured ({@code model::loss}: the
     *     model's class), where its computation likely lives, or null
     */
    public NotInstrumentedException(String className, boolean lambda, String captured) {
        super("No instrumented code ran while differentiating "
                + (lambda ? "a lambda or method reference created in " + className
                        + (captured != null ? " on a " + captured : "")
                        + ": neither its body nor the methods it calls were" : className + ": its class was not")
                + " rewritten by the ad4j agent. Add "
                + (lambda ? "the classes that compute the function" : "it")
                + " to the agent's includes= option, e.g. -javaagent:ad4j-agent.jar=includes="
                + suggestPattern(captured != null ? captured : className)
                + " (and check that the agent is attached and printed no warning for those classes).");
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
