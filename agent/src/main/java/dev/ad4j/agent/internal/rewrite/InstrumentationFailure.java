package dev.ad4j.agent.internal.rewrite;

/**
 * Methods that could not be rewritten. Each stays exactly as it was; the rest of its class is
 * rewritten (see {@link #fallback()}) and keeps the companion index fields that other rewritten
 * classes may read.
 */
public final class InstrumentationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] fallback;

    InstrumentationFailure(String className, String method, String reason) {
        this("cannot instrument " + className.replace('/', '.')
                + (method == null ? "" : " method " + method) + ": " + reason, (byte[]) null);
    }

    InstrumentationFailure(String message, byte[] fallback) {
        super(message);
        this.fallback = fallback;
    }

    /**
     * @return what to define instead: the class with every method that could be rewritten
     *     rewritten (or only companion fields added), or null to keep the original bytes
     */
    public byte[] fallback() {
        return fallback;
    }
}
