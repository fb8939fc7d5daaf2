package dev.ad4j.agent.internal.rewrite;

import dev.ad4j.DerivativeRules;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the rules file named by the agent option {@code rules=path}. One rule per line,
 * {@code #} starts a comment:
 * <pre>
 * # a method differentiated like a java.lang.Math function
 * com.acme.FastTrig#sin(D)D = like java.lang.Math#sin
 * # a method whose partials a static method computes from the arguments and the result;
 * # it returns double (one argument) or double[] (one partial per argument)
 * com.acme.Special#erf(D)D = com.acme.SpecialRules#erfPartials
 * </pre>
 * The partials method is resolved on first use from the system class loader.
 */
public final class RulesFile {

    private RulesFile() {
    }

    /**
     * Registers every rule of the file.
     *
     * @return the number of rules
     * @throws IllegalArgumentException naming the file, line and fault of a malformed rule
     */
    public static int load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read rules file " + file + ": " + e);
        }
        int count = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                register(line);
                count++;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rules file " + file + " line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return count;
    }

    static void register(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("expected 'owner#name(descriptor) = derivative', got '" + line + "'");
        }
        String[] method = split(line.substring(0, eq).trim());
        String derivative = line.substring(eq + 1).trim();
        String owner = method[0].replace('.', '/');
        String desc = method[2];
        if (derivative.startsWith("like ")) {
            String[] like = split(derivative.substring(5).trim() + desc);
            if (!like[0].equals("java.lang.Math") && !like[0].equals("java.lang.StrictMath")) {
                throw new IllegalArgumentException("'like' names a java.lang.Math function, not " + like[0]);
            }
            ElementaryCalls.alias(owner, method[1], desc, like[1]);
        } else {
            String[] partials = derivative.split("#", 2);
            if (partials.length != 2 || partials[0].isEmpty() || partials[1].isEmpty()) {
                throw new IllegalArgumentException("expected 'like java.lang.Math#name' or 'class#method', got '"
                        + derivative + "'");
            }
            DerivativeRules.register(method[0], method[1], desc, new Lazy(partials[0], partials[1], desc));
        }
    }

    /** @return owner, name and descriptor of {@code owner#name(desc)} */
    private static String[] split(String text) {
        int hash = text.indexOf('#');
        int paren = text.indexOf('(');
        if (hash <= 0 || paren < hash + 2) {
            throw new IllegalArgumentException("expected 'owner#name(descriptor)', got '" + text + "'");
        }
        return new String[] {text.substring(0, hash), text.substring(hash + 1, paren), text.substring(paren)};
    }

    /** Partials computed by a static method resolved on first use. */
    private static final class Lazy implements DerivativeRules.Partials {
        private final String owner;
        private final String name;
        private final int arity;
        private volatile MethodHandle handle;

        Lazy(String owner, String name, String desc) {
            this.owner = owner;
            this.name = name;
            this.arity = desc.indexOf(')') - 1;
        }

        @Override
        public void compute(double[] args, double result, double[] partials) {
            try {
                Object value = resolve().invokeWithArguments(arguments(args, result));
                if (value instanceof double[]) {
                    System.arraycopy((double[]) value, 0, partials, 0, partials.length);
                } else {
                    partials[0] = (Double) value;
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("derivative rule " + owner + "#" + name + " failed", t);
            }
        }

        private Object[] arguments(double[] args, double result) {
            Object[] all = new Object[args.length + 1];
            for (int i = 0; i < args.length; i++) {
                all[i] = args[i];
            }
            all[args.length] = result;
            return all;
        }

        private MethodHandle resolve() throws ReflectiveOperationException {
            MethodHandle h = handle;
            if (h == null) {
                Class<?> c = Class.forName(owner, true, ClassLoader.getSystemClassLoader());
                Class<?>[] params = new Class<?>[arity + 1];
                java.util.Arrays.fill(params, double.class);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                try {
                    h = lookup.findStatic(c, name, MethodType.methodType(double[].class, params));
                } catch (NoSuchMethodException e) {
                    h = lookup.findStatic(c, name, MethodType.methodType(double.class, params));
                }
                handle = h;
            }
            return h;
        }
    }
}
