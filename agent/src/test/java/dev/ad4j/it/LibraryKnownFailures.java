package dev.ad4j.it;

import static org.junit.jupiter.api.Assumptions.abort;

import org.junit.jupiter.api.function.Executable;

/**
 * Marks a library check that fails because of a known rewriter or runtime limitation: the check
 * still runs, and its failure aborts the test (reported as skipped, with the reason and what
 * was seen) instead of failing the build. Once the limitation is fixed the check passes and a
 * line on standard error says the marker can go. {@code -Dad4j.libs.strict=true} makes known
 * failures fail.
 */
final class LibraryKnownFailures {

    private LibraryKnownFailures() {
    }

    static void knownFailure(String reason, Executable check) throws Throwable {
        if (Boolean.getBoolean("ad4j.libs.strict")) {
            check.execute();
            return;
        }
        try {
            check.execute();
        } catch (AssertionError | RuntimeException e) {
            abort("known failure (" + reason + "): " + e);
        }
        System.err.println("ad4j libs: a check marked as a known failure now passes, remove the marker: " + reason);
    }
}
