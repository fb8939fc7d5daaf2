package dev.ad4j.agent.internal.select;

import java.util.regex.Pattern;

/**
 * Matches names against JaCoCo-style patterns: alternatives separated by {@code :}, {@code *}
 * for any run of characters (dots included) and {@code ?} for one character. Compiled once.
 */
public final class WildcardMatcher {

    private final Pattern pattern;

    /**
     * @param expression patterns separated by {@code :}; an empty expression matches nothing
     * @throws IllegalArgumentException if a pattern is empty or holds a character that cannot
     *     appear in a binary class name
     */
    public WildcardMatcher(String expression) {
        StringBuilder regex = new StringBuilder();
        if (!expression.isEmpty()) {
            for (String part : expression.split(":", -1)) {
                check(part, expression);
                if (regex.length() > 0) {
                    regex.append('|');
                }
                regex.append('(').append(toRegex(part)).append(')');
            }
        }
        pattern = regex.length() == 0 ? null : Pattern.compile(regex.toString());
    }

    /** @return true if the dotted binary name matches one of the patterns */
    public boolean matches(String name) {
        return pattern != null && pattern.matcher(name).matches();
    }

    private static void check(String part, String expression) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty pattern in '" + expression + "'");
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = c == '*' || c == '?' || c == '.' || c == '$' || Character.isJavaIdentifierPart(c);
            if (!ok) {
                throw new IllegalArgumentException(
                        "malformed pattern '" + part + "': character '" + c + "' cannot appear in a class name");
            }
        }
    }

    private static String toRegex(String part) {
        StringBuilder sb = new StringBuilder();
        for (char c : part.toCharArray()) {
            switch (c) {
                case '*': sb.append(".*"); break;
                case '?': sb.append('.'); break;
                default: sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
