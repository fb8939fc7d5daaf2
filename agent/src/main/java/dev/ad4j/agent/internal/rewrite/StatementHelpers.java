package dev.ad4j.agent.internal.rewrite;

import java.util.Objects;
import java.util.function.Function;

/**
 * Where the rewritten code of a class finds its statement helpers ({@code accN}, {@code exprN}):
 * {@code Rt} itself unless the agent installed copies ({@code dev.ad4j.agent.internal.HelperCopies}).
 * HotSpot keeps one branch profile per method, and code compiled after other instrumented code
 * ran inherits the branches those classes took; a class with copies of its own is compiled
 * from its own profile only.
 */
public final class StatementHelpers {

    private static volatile Function<String, String> owners = c -> RuntimeContract.RT;

    private StatementHelpers() {
    }

    /**
     * @param ownerOfClass from the internal name of a class being rewritten, the internal name of
     *     the class whose {@code accN}/{@code exprN} (with {@code Rt}'s descriptors) its code calls
     */
    public static void install(Function<String, String> ownerOfClass) {
        owners = Objects.requireNonNull(ownerOfClass);
    }

    static String ownerFor(String className) {
        return owners.apply(className);
    }
}
