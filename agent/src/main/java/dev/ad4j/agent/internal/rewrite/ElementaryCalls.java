package dev.ad4j.agent.internal.rewrite;

import dev.ad4j.DerivativeRules;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Methods that count as elementary functions: the rewriter leaves their bodies alone and, at
 * each call, records one statement with their partials. Three kinds:
 * <ul>
 *   <li>{@code Math} and {@code StrictMath} functions with a runtime helper, and {@code Double}'s
 *       {@code sum}, {@code max} and {@code min} (common in reductions such as
 *       {@code reduce(0, Double::sum)});</li>
 *   <li>the same functions of fast-math libraries (commons-math3's, commons-math 2's,
 *       Hipparchus' and Jafama's {@code FastMath}), which compute with lookup tables and bit tricks
 *       that would otherwise be traced into wrong or zero derivatives;</li>
 *   <li>methods aliased to such a helper by a rules file, and methods with a user-declared
 *       {@link DerivativeRules rule}.</li>
 * </ul>
 */
final class ElementaryCalls {

    /** Fast-math classes whose functions are differentiated like {@code java.lang.Math}'s. */
    static final Set<String> FAST_MATH = Set.of(
            "org/apache/commons/math3/util/FastMath",
            "org/apache/commons/math/util/FastMath",
            "org/hipparchus/util/FastMath",
            "net/jafama/FastMath",
            "net/jafama/StrictFastMath");

    private static final Map<String, String> ALIASES = new ConcurrentHashMap<>();
    /** Instance methods whose rule has been reported as ignored. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ElementaryCalls() {
    }

    /**
     * Declares that {@code owner.name desc} has the derivative of the runtime helper
     * {@code helper} (the rules file's {@code = like java.lang.Math#sin} form).
     *
     * @throws IllegalArgumentException if the runtime has no such helper for that descriptor
     */
    static void alias(String owner, String name, String desc, String helper) {
        if (!RuntimeContract.hasHelper(helper, desc)) {
            throw new IllegalArgumentException("no derivative helper '" + helper + "' for descriptor " + desc);
        }
        ALIASES.put(owner + "." + name + desc, helper);
    }

    /** @return the runtime helper's name for the call, or null if it has none */
    static String helper(String owner, String name, String desc) {
        if (Type.getReturnType(desc).getSort() != Type.DOUBLE) {
            return null;
        }
        String alias = ALIASES.get(owner + "." + name + desc);
        if (alias != null) {
            return alias;
        }
        if (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath") || FAST_MATH.contains(owner)) {
            return RuntimeContract.hasHelper(name, desc) ? name : null;
        }
        if (owner.equals("java/lang/Double") && desc.equals("(DD)D")) {
            switch (name) {
                case "sum": return "dadd";
                case "max": return "max";
                case "min": return "min";
                default: return null;
            }
        }
        return null;
    }

    /** @return the user-declared rule of the method, or -1 */
    static int rule(String owner, String name, String desc) {
        return DerivativeRules.lookup(owner, name, desc);
    }

    /**
     * @param access the method's access flags
     * @return whether the method's body must be left alone because calls to it are elementary;
     *     never for an instance method, whose rule is reported and ignored
     */
    static boolean isElementary(String owner, String name, String desc, int access) {
        if (helper(owner, name, desc) == null && rule(owner, name, desc) < 0) {
            return false;
        }
        if ((access & Opcodes.ACC_STATIC) == 0) {
            ignoredOnInstanceMethod(owner, name, desc);
            return false;
        }
        return true;
    }

    /**
     * Warns, once per method, that a derivative rule (declared with {@code DerivativeRules} or a
     * rules file) names an instance method: rules apply to static methods only, so the rule is
     * not applied and the method is differentiated as any other (its derivative is lost if its
     * class is not rewritten, which diagnostics report at the call).
     */
    static void ignoredOnInstanceMethod(String owner, String name, String desc) {
        String method = owner.replace('/', '.') + "." + name + desc;
        if (WARNED.add(method)) {
            System.err.println("ad4j: WARNING the derivative rule of " + method + " is ignored: " + name
                    + " is an instance method, and rules apply to static methods only");
        }
    }

    /** @return whether a call of an instance method names a method that has a rule, which it ignores */
    static boolean hasIgnoredRule(String owner, String name, String desc) {
        return ALIASES.containsKey(owner + "." + name + desc) || rule(owner, name, desc) >= 0;
    }
}
