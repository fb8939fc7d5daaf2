package dev.ad4j.agent.internal.rewrite;

import org.objectweb.asm.Type;

/**
 * JDK methods that are elementary functions with a derivative helper in the runtime: every
 * {@code Math} and {@code StrictMath} function the runtime has a rule for, and {@code Double}'s
 * {@code sum}, {@code max} and {@code min} (common in reductions such as
 * {@code reduce(0, Double::sum)}).
 */
final class ElementaryCalls {

    private ElementaryCalls() {
    }

    /** @return the runtime helper's name for the call, or null if it is not elementary */
    static String helper(String owner, String name, String desc) {
        if (Type.getReturnType(desc).getSort() != Type.DOUBLE) {
            return null;
        }
        switch (owner) {
            case "java/lang/Math":
            case "java/lang/StrictMath":
                return RuntimeContract.hasHelper(name, desc) ? name : null;
            case "java/lang/Double":
                if (desc.equals("(DD)D")) {
                    switch (name) {
                        case "sum": return "dadd";
                        case "max": return "max";
                        case "min": return "min";
                        default: return null;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}
