package dev.ad4j.agent.internal.options;

import dev.ad4j.agent.internal.select.ClassSelector;
import dev.ad4j.agent.internal.select.WildcardMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options, parsed from the {@code -javaagent:ad4j-agent.jar=key=value,key=value}
 * string in JaCoCo's style. Unknown keys and malformed values fail at construction with a
 * message that names them, so that a typo stops the JVM at start instead of silently
 * differentiating nothing.
 */
public final class AgentOptions {

    /** Classes to rewrite, patterns separated by {@code :}. Default {@code *} (all but protected). */
    public static final String INCLUDES = "includes";
    /** Classes never to rewrite, patterns separated by {@code :}. Default: none. */
    public static final String EXCLUDES = "excludes";
    /** Tape memory budget in bytes, with optional k, m or g suffix. Default: half the maximum heap. */
    public static final String MAX_TAPE = "maxTape";
    /** {@code true}: a class that fails to instrument stops the JVM. Default {@code false}. */
    public static final String STRICT = "strict";
    /** {@code true}: print each rewritten class. Default {@code false}. */
    public static final String VERBOSE = "verbose";
    /**
     * {@code true}: report, once per place, where an active value loses its derivative (passed to
     * code that is not instrumented, stored in a field of a class that is not rewritten,
     * converted to an integer). Costs a check per such place. Default {@code false}.
     */
    public static final String DIAGNOSTICS = "diagnostics";
    /** A rules file declaring derivatives of methods (see {@code docs/third-party.md}). Default: none. */
    public static final String RULES = "rules";
    /** Directory to write rewritten class files into, for debugging. Default: none. */
    public static final String DUMP = "dump";

    private static final List<String> KEYS = List.of(INCLUDES, EXCLUDES, MAX_TAPE, STRICT, VERBOSE, DIAGNOSTICS, RULES, DUMP);

    private final Map<String, String> values = new LinkedHashMap<>();
    private final ClassSelector selector;
    private final long maxTapeBytes;

    /**
     * @param options the agent argument, possibly null or empty
     * @throws IllegalArgumentException naming the unknown option or the malformed value
     */
    public AgentOptions(String options) {
        if (options != null && !options.isBlank()) {
            for (String entry : options.split(",", -1)) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("malformed agent option '" + entry
                            + "': expected key=value, options separated by ','");
                }
                String key = entry.substring(0, eq);
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown agent option '" + key + "'; known options: " + KEYS);
                }
                if (values.put(key, entry.substring(eq + 1)) != null) {
                    throw new IllegalArgumentException("agent option '" + key + "' given twice");
                }
            }
        }
        selector = new ClassSelector(matcher(INCLUDES, "*"), matcher(EXCLUDES, ""));
        maxTapeBytes = values.containsKey(MAX_TAPE) ? parseSize(values.get(MAX_TAPE)) : Long.MAX_VALUE;
        bool(STRICT);
        bool(VERBOSE);
        bool(DIAGNOSTICS);
    }

    private WildcardMatcher matcher(String key, String dflt) {
        try {
            return new WildcardMatcher(values.getOrDefault(key, dflt));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agent option '" + key + "': " + e.getMessage(), e);
        }
    }

    private boolean bool(String key) {
        String v = values.get(key);
        if (v == null) {
            return false;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("agent option '" + key + "' must be true or false, not '" + v + "'");
    }

    /**
     * Parses a memory size such as {@code 64m}.
     *
     * @throws IllegalArgumentException if the size is not a positive number with optional k/m/g
     */
    public static long parseSize(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k': unit = 1L << 10; break;
                case 'm': unit = 1L << 20; break;
                case 'g': unit = 1L << 30; break;
                default: unit = 1;
            }
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(n, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("agent option '" + MAX_TAPE + "': malformed size '" + text
                    + "', expected a positive number with optional k, m or g suffix");
        }
    }

    /** @return the class selection from includes and excludes */
    public ClassSelector selector() {
        return selector;
    }

    /** @return the tape budget in bytes, {@link Long#MAX_VALUE} when not given (the runtime default applies) */
    public long maxTapeBytes() {
        return maxTapeBytes;
    }

    /** @return whether an instrumentation failure stops the JVM */
    public boolean strict() {
        return bool(STRICT);
    }

    /** @return whether each rewritten class is printed */
    public boolean verbose() {
        return bool(VERBOSE);
    }

    /** @return whether places that lose derivatives are reported */
    public boolean diagnostics() {
        return bool(DIAGNOSTICS);
    }

    /** @return the rules file, or null */
    public String rules() {
        return values.get(RULES);
    }

    /**
     * @return a warning for each protected package (the JDK, ad4j, its shaded dependencies) that
     *     the includes given explicitly would select: they are never instrumented
     */
    public List<String> protectedSelections() {
        if (!values.containsKey(INCLUDES)) {
            return List.of();
        }
        WildcardMatcher includes = matcher(INCLUDES, "");
        List<String> warnings = new java.util.ArrayList<>();
        for (String sample : ClassSelector.PROTECTED_SAMPLES) {
            if (includes.matches(sample)) {
                warnings.add("includes=" + values.get(INCLUDES) + " would select " + sample
                        + ", which is never instrumented (the JDK, ad4j and its shaded dependencies are protected)");
            }
        }
        return warnings;
    }

    /** @return the dump directory, or null */
    public String dump() {
        return values.get(DUMP);
    }

    /** @return the options rendered back as a {@code -javaagent:} argument string */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
