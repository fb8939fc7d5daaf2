package dev.ad4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declares the derivative of any method, as JAX's {@code custom_vjp} and Enzyme's custom
 * derivatives do: the method runs as it is, untraced, and the rule supplies its partial
 * derivatives, so that code built on tables, bit tricks or native calls counts as one
 * elementary function. Rules apply to static methods whose parameters are {@code double}s
 * (one to three) and which return a {@code double}; the partials of such a function are its
 * whole vector-Jacobian (and Jacobian-vector) product.
 *
 * <p>A rule takes effect for the classes the agent rewrites after it is registered: register it
 * before the classes that call the method are loaded (for instance at the start of
 * {@code main}, before touching the model), or name it in a rules file given to the agent
 * ({@code rules=path}, see the guide in {@code docs/third-party.md}).
 *
 * <pre>{@code
 * // erf from a library, differentiated by its closed-form derivative 2/sqrt(pi) exp(-x^2)
 * DerivativeRules.register("org.apache.commons.math3.special.Erf", "erf", "(D)D",
 *     (args, result, partials) -> partials[0] = 2 / Math.sqrt(Math.PI) * Math.exp(-args[0] * args[0]));
 * double[] g = AD.gradient(x -> Erf.erf(x[0]) * x[1], new double[] {0.3, 2});
 * }</pre>
 */
public final class DerivativeRules {

    /** Partial derivatives of a method at a point. */
    @FunctionalInterface
    public interface Partials {
        /**
         * @param args the method's arguments
         * @param result what the method returned for them
         * @param partials out: the partial derivative of the result by each argument
         */
        void compute(double[] args, double result, double[] partials);
    }

    /** {@code ACC_STATIC} of the class file format. */
    private static final int STATIC = 0x0008;

    private static final Map<String, Integer> IDS = new ConcurrentHashMap<>();
    private static final List<Partials> RULES = new ArrayList<>();

    private DerivativeRules() {
    }

    /**
     * Registers (or replaces) the rule of a static method.
     *
     * <p>Rules apply to static methods only: a call of an instance method has a receiver whose
     * class decides which body runs. If the method's class file can be read (from the context or
     * system class loader) and declares the method without {@code static}, registration fails;
     * otherwise the agent checks again when it rewrites the class, and warns that it ignores the
     * rule of an instance method (which is then differentiated like any other method).
     *
     * @param owner binary class name, e.g. {@code com.acme.Special}
     * @param name the method's name
     * @param descriptor the method's JVM descriptor: one to three {@code D}, returning {@code D}
     * @param rule the partials
     * @throws NullPointerException if an argument is null (naming it)
     * @throws IllegalArgumentException if the descriptor is not of that form, or if the class
     *     declares the method as an instance method
     */
    public static synchronized void register(String owner, String name, String descriptor, Partials rule) {
        Objects.requireNonNull(owner, "derivative rule registered with a null owner class");
        Objects.requireNonNull(name, "derivative rule registered with a null method name");
        Objects.requireNonNull(descriptor, "derivative rule registered with a null descriptor");
        String method = owner + "." + name + descriptor;
        Objects.requireNonNull(rule, () -> "the derivative rule registered for " + method + " is null");
        if (!descriptor.matches("\\(D{1,3}\\)D")) {
            throw new IllegalArgumentException("derivative rules take 1 to 3 doubles and return a double; "
                    + method + " does not");
        }
        int access = ClassFileMethods.access(owner.replace('.', '/'), name, descriptor);
        if (access != ClassFileMethods.UNKNOWN && (access & STATIC) == 0) {
            throw new IllegalArgumentException("derivative rules apply to static methods only; " + method
                    + " is an instance method");
        }
        String key = owner.replace('.', '/') + "." + name + descriptor;
        Integer id = IDS.get(key);
        if (id != null) {
            RULES.set(id, rule);
        } else {
            RULES.add(rule);
            IDS.put(key, RULES.size() - 1);
        }
    }

    /**
     * The rule id of a method, for the rewriter.
     *
     * @param owner internal class name ({@code com/acme/Special})
     * @return the id, or -1 if the method has no rule
     */
    public static int lookup(String owner, String name, String descriptor) {
        Integer id = IDS.get(owner + "." + name + descriptor);
        return id == null ? -1 : id;
    }

    /** Computes the partials of rule {@code id} (called by the runtime on the active path). */
    public static void partials(int id, double[] args, double result, double[] partials) {
        Partials rule;
        synchronized (DerivativeRules.class) {
            rule = RULES.get(id);
        }
        rule.compute(args, result, partials);
    }

    /** The method of rule {@code id} ({@code owner.name(descriptor)}, binary names), for messages. */
    public static String methodOf(int id) {
        for (Map.Entry<String, Integer> e : IDS.entrySet()) {
            if (e.getValue() == id) {
                return e.getKey().replace('/', '.');
            }
        }
        return "derivative rule #" + id;
    }
}
