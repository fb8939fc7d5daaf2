package dev.ad4j.agent.internal.select;

import java.util.List;

/**
 * Decides which classes the agent rewrites: the user's includes minus excludes, and never the
 * JDK, ad4j itself or the agent's shaded dependencies, whatever the patterns say (rewriting the
 * runtime that rewritten code calls would recurse).
 */
public final class ClassSelector {

    /** Prefixes (dotted) that can never be selected. */
    static final List<String> NEVER = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.ad4j.", "org.objectweb.asm.",
            "net.bytebuddy.", "org.junit.", "org.opentest4j.", "org.apiguardian.");

    /** One class of each protected package, to tell users whose patterns would select them. */
    public static final List<String> PROTECTED_SAMPLES = List.of(
            "java.lang.Math", "javax.swing.JFrame", "jdk.internal.misc.Unsafe", "sun.misc.Unsafe",
            "com.sun.management.OperatingSystemMXBean", "dev.ad4j.internal.runtime.Rt",
            "dev.ad4j.agent.shaded.asm.ClassReader", "net.bytebuddy.agent.ByteBuddyAgent",
            "org.objectweb.asm.ClassReader", "org.junit.jupiter.api.Test", "org.opentest4j.AssertionFailedError",
            "org.apiguardian.api.API");

    private final WildcardMatcher includes;
    private final WildcardMatcher excludes;

    public ClassSelector(WildcardMatcher includes, WildcardMatcher excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** @param name dotted binary class name */
    public boolean selects(String name) {
        return includes.matches(name) && !excludes.matches(name) && !isProtected(name);
    }

    /** @return true if the class belongs to the JDK, ad4j or its shaded dependencies */
    public static boolean isProtected(String name) {
        for (String prefix : NEVER) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
