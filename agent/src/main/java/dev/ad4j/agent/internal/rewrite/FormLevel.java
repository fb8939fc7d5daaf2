package dev.ad4j.agent.internal.rewrite;

/**
 * How a method's arithmetic is recorded, from the fastest to the smallest bytecode. The rewriter
 * takes the first level whose code fits: the JVM's 64 KB limit always, and HotSpot's
 * {@link ClassRewriter#HUGE_METHOD_LIMIT} for a recording body when a later level brings it under
 * (a body over it records interpreted).
 */
enum FormLevel {
    /** Expression forms, and temporaries that die in their block stay forms ({@link DeadAtBlockEnd}). */
    FORMS_AND_TEMPORARIES,
    /** Expression forms, settled at every store. */
    FORMS,
    /** One tape statement per operation, each through a runtime helper. */
    PER_OPERATION;

    boolean expressionForms() {
        return this != PER_OPERATION;
    }

    boolean keepsTemporaries() {
        return this == FORMS_AND_TEMPORARIES;
    }
}
