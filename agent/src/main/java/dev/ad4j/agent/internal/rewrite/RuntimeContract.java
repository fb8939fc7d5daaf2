package dev.ad4j.agent.internal.rewrite;

import dev.ad4j.internal.runtime.Rt;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Names and descriptors of the runtime helpers ({@link Rt}) that rewritten bytecode calls. The
 * helper for an operation {@code name(P...)D} has the descriptor
 * {@code (Tape, one int index per double parameter, P..., double result)I}; this class builds
 * those descriptors and knows which helpers exist.
 */
final class RuntimeContract {

    static final String RT = Type.getInternalName(Rt.class);
    static final String TAPE = "dev/ad4j/internal/tape/Tape";
    static final String TAPE_DESC = "L" + TAPE + ";";

    static final String ENTER_DESC = "()" + TAPE_DESC;
    static final String PARAM_DESC = "(" + TAPE_DESC + "DII)I";
    static final String END_PARAMS_DESC = "(" + TAPE_DESC + ")V";
    static final String ARGS_DESC = "(" + TAPE_DESC + "I)V";
    static final String ARG_DESC = "(" + TAPE_DESC + "IID)V";
    static final String RET_DESC = "(" + TAPE_DESC + "ID)V";
    static final String RESULT_DESC = "(" + TAPE_DESC + "D)I";
    static final String BODY_RESULT_DESC = "(" + TAPE_DESC + ")I";
    static final String AFTER_CALL_DESC = "(" + TAPE_DESC + ")V";
    static final String DALOAD_DESC = "(" + TAPE_DESC + "[DID)I";
    static final String DASTORE_DESC = "(" + TAPE_DESC + "[DII)V";
    static final String SHADOW_AT_DESC = "(" + TAPE_DESC + "[DLjava/lang/Object;[II)[I";
    static final String PRIME_SHADOW_DESC = "(" + TAPE_DESC + "[D)[I";
    static final String SHADOW_EPOCH_DESC = "(" + TAPE_DESC + ")I";
    static final String DALOAD_AT_DESC = "(" + TAPE_DESC + "[IID)I";
    static final String DASTORE_AT_DESC = "(" + TAPE_DESC + "[D[III)V";
    static final String STORES_IN_PLACE_DESC = "(" + TAPE_DESC + "[I)Z";
    static final String ELEMENT_OWNED_DESC = "(" + TAPE_DESC + ")I";
    static final String OWN_ELEMENT_DESC = "(" + TAPE_DESC + "I)V";
    static final String CHECK_DESC = "(" + TAPE_DESC + "ID)I";
    static final String ARRAYCOPY_DESC = "(" + TAPE_DESC + "Ljava/lang/Object;ILjava/lang/Object;II)V";

    private static final Set<String> HELPERS = helpers();

    private RuntimeContract() {
    }

    /** A call of the runtime helper {@code Rt.name} with descriptor {@code desc}. */
    static MethodInsnNode call(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, RT, name, desc, false);
    }

    private static Set<String> helpers() {
        Set<String> set = new HashSet<>();
        for (Method m : Rt.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == int.class) {
                set.add(m.getName() + Type.getMethodDescriptor(m));
            }
        }
        return set;
    }

    /**
     * @param operationDesc descriptor of the differentiated operation, e.g. {@code (DD)D}
     * @return the helper's descriptor for that operation
     */
    static String helperDesc(String operationDesc) {
        Type[] params = Type.getArgumentTypes(operationDesc);
        StringBuilder sb = new StringBuilder("(").append(TAPE_DESC);
        for (Type p : params) {
            if (p.getSort() == Type.DOUBLE) {
                sb.append('I');
            }
        }
        for (Type p : params) {
            sb.append(p.getDescriptor());
        }
        return sb.append("D)I").toString();
    }

    /** @return whether {@link Rt} has a derivative helper for {@code name} with that operation descriptor */
    static boolean hasHelper(String name, String operationDesc) {
        return HELPERS.contains(name + helperDesc(operationDesc));
    }
}
