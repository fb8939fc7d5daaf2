package dev.ad4j.agent.internal.rewrite;

/**
 * A class whose methods could not be rewritten. They stay exactly as they were; the class only
 * gains its companion index fields (see {@link #fallback()}), which other rewritten classes may
 * read.
 */
public final class InstrumentationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] fallback;

    InstrumentationFailure(String className, String method, String reason) {
        this("cannot instrument " + className.replace('/', '.')
                + (method == null ? "" : " method " + method) + ": " + reason, (byte[]) null);
    }

    private InstrumentationFailure(String message, byte[] fallback) {
        super(message);
        this.fallback = fallback;
    }

    InstrumentationFailure withFallback(byte[] bytes) {
        return new InstrumentationFailure(getMessage(), bytes);
    }

    /** @return the original class plus companion fields, or null to keep the original bytes */
    public byte[] fallback() {
        return fallback;
    }
}
