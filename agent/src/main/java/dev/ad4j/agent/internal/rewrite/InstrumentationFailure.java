package dev.ad4j.agent.internal.rewrite;

/** A class that could not be rewritten; it stays exactly as it was. */
public final class InstrumentationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InstrumentationFailure(String className, String method, String reason) {
        super("cannot instrument " + className.replace('/', '.')
                + (method == null ? "" : " method " + method) + ": " + reason);
    }
}
