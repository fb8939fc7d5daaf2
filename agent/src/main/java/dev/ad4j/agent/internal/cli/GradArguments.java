package dev.ad4j.agent.internal.cli;

import dev.ad4j.GradientCheck;
import dev.ad4j.agent.internal.select.WildcardMatcher;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed arguments of {@code grad}. Options take their value as the next argument or after
 * {@code =} ({@code --at=2,5}); only {@code --dot} has an optional value, taken from the next
 * argument unless that starts with {@code --}. Every fault is a {@link BadArguments} whose
 * message names it in one line.
 */
final class GradArguments {

    /** Where {@code --dot} writes when it has no file: standard output. */
    static final String STDOUT = "-";

    final List<String> classPath = new ArrayList<>();
    String className;
    String methodName;
    double[] point;
    String includes;
    String excludes = "";
    boolean jacobian;
    boolean trace;
    boolean check;
    /** Null without {@code --dot}; {@link #STDOUT} or a file name with it. */
    String dot;
    double eps = GradientCheck.DEFAULT_EPS;
    double atol = GradientCheck.DEFAULT_ATOL;
    double rtol = GradientCheck.DEFAULT_RTOL;
    boolean help;

    private final Set<String> seen = new HashSet<>();

    private GradArguments() {
    }

    /** A fault in the command line: exit code 2 and a one-line message. */
    static final class BadArguments extends Exception {
        private static final long serialVersionUID = 1L;

        BadArguments(String message) {
            super(message);
        }
    }

    /** @throws BadArguments naming the first fault found */
    static GradArguments parse(String[] args) throws BadArguments {
        GradArguments a = new GradArguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h": case "--help":
                    a.help = true;
                    return a;
                case "--jacobian": a.flag(name, inline); a.jacobian = true; break;
                case "--trace": a.flag(name, inline); a.trace = true; break;
                case "--check": a.flag(name, inline); a.check = true; break;
                case "--dot":
                    a.once(name);
                    if (inline != null) {
                        a.dot = nonEmpty(name, inline);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        a.dot = args[++i];
                    } else {
                        a.dot = STDOUT;
                    }
                    break;
                default:
                    if (!name.startsWith("-")) {
                        throw new BadArguments("unexpected argument '" + arg + "' (options start with --; see grad --help)");
                    }
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || (known(name) && args[i + 1].startsWith("--"))) {
                            throw known(name) ? new BadArguments(name + " needs a value")
                                    : new BadArguments("unknown option '" + name + "' (see grad --help)");
                        }
                        value = args[i + 1];
                    }
                    a.option(name, value);
                    if (inline == null) {
                        i++;
                    }
            }
        }
        a.validate();
        return a;
    }

    private static boolean known(String name) {
        return List.of("--cp", "-cp", "--classpath", "--method", "--at", "--includes", "--excludes",
                "--eps", "--atol", "--rtol").contains(name);
    }

    private void option(String name, String value) throws BadArguments {
        if (!known(name)) {
            throw new BadArguments("unknown option '" + name + "' (see grad --help)");
        }
        once(name.equals("-cp") || name.equals("--classpath") ? "--cp" : name);
        switch (name) {
            case "--cp": case "-cp": case "--classpath":
                for (String entry : nonEmpty(name, value).split(File.pathSeparator, -1)) {
                    if (entry.isEmpty()) {
                        throw new BadArguments("empty entry in --cp '" + value + "'");
                    }
                    classPath.add(entry);
                }
                break;
            case "--method": method(value); break;
            case "--at": point = numbers(value); break;
            case "--includes": includes = pattern(name, nonEmpty(name, value)); break;
            case "--excludes": excludes = pattern(name, value); break;
            case "--eps": eps = positive(name, value); break;
            case "--atol": atol = nonNegative(name, value); break;
            default: rtol = nonNegative(name, value); break;
        }
    }

    private void flag(String name, String inline) throws BadArguments {
        if (inline != null) {
            throw new BadArguments(name + " takes no value");
        }
        once(name);
    }

    private void once(String name) throws BadArguments {
        if (!seen.add(name)) {
            throw new BadArguments(name + " is given more than once");
        }
    }

    private void method(String value) throws BadArguments {
        int hash = value.indexOf('#');
        if (hash <= 0 || hash == value.length() - 1 || value.indexOf('#', hash + 1) >= 0) {
            throw new BadArguments("--method '" + value + "' is not <class>#<method>, e.g. com.acme.Model#loss");
        }
        className = value.substring(0, hash);
        methodName = value.substring(hash + 1);
        if (!isName(className, true) || !isName(methodName, false)) {
            throw new BadArguments("--method '" + value + "' is not <class>#<method>, e.g. com.acme.Model#loss");
        }
    }

    private static boolean isName(String s, boolean dotted) {
        for (String part : dotted ? s.split("\\.", -1) : new String[] {s}) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Comma-separated finite numbers; spaces around them are allowed. */
    static double[] numbers(String value) throws BadArguments {
        if (value.isBlank()) {
            throw new BadArguments("--at is empty: give the point as comma-separated numbers, e.g. --at 2,5");
        }
        String[] parts = value.split(",", -1);
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            try {
                x[i] = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new BadArguments("--at value " + (i + 1) + " '" + p + "' is not a number (in '" + value + "')");
            }
            if (!Double.isFinite(x[i]) || p.endsWith("d") || p.endsWith("D") || p.endsWith("f") || p.endsWith("F")) {
                throw new BadArguments("--at value " + (i + 1) + " '" + p + "' is not a finite decimal number (in '"
                        + value + "')");
            }
        }
        return x;
    }

    private static String pattern(String name, String value) throws BadArguments {
        try {
            new WildcardMatcher(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw new BadArguments(name + ": " + e.getMessage());
        }
    }

    private static String nonEmpty(String name, String value) throws BadArguments {
        if (value.isEmpty()) {
            throw new BadArguments(name + " needs a value");
        }
        return value;
    }

    private static double positive(String name, String value) throws BadArguments {
        double d = number(name, value);
        if (!(d > 0)) {
            throw new BadArguments(name + " must be positive, was '" + value + "'");
        }
        return d;
    }

    private static double nonNegative(String name, String value) throws BadArguments {
        double d = number(name, value);
        if (!(d >= 0)) {
            throw new BadArguments(name + " must be >= 0, was '" + value + "'");
        }
        return d;
    }

    private static double number(String name, String value) throws BadArguments {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadArguments(name + " '" + value + "' is not a finite number");
    }

    private void validate() throws BadArguments {
        if (className == null) {
            throw new BadArguments("missing --method <class>#<method>");
        }
        if (point == null) {
            throw new BadArguments("missing --at <x1,x2,...>: the point to differentiate at");
        }
        if (classPath.isEmpty()) {
            classPath.add(".");
        }
        if (includes == null) {
            int dot = className.lastIndexOf('.');
            includes = dot < 0 ? className + ":" + className + "$*" : className.substring(0, dot) + ".*";
        }
        if (jacobian && (trace || dot != null)) {
            throw new BadArguments("--trace and --dot do not combine with --jacobian (they show one scalar output)");
        }
        if (!check && seen.stream().anyMatch(s -> s.equals("--eps") || s.equals("--atol") || s.equals("--rtol"))) {
            throw new BadArguments("--eps, --atol and --rtol only apply with --check");
        }
    }
}
