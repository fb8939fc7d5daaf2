package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Lambdas keep their derivatives through a bridge. The proxy class the JDK spins for a lambda
 * never reaches a transformer: it stores captured doubles in its fields and calls the body under
 * another name, so the index of a captured double would be lost. The rewriter therefore points
 * such a lambda at a synthetic bridge in the host class that also captures one {@code int}
 * index per captured double and re-attaches it ({@code Rt.attach}) before calling the original
 * body. Method references to elementary JDK functions ({@code Math::sin}, {@code Double::sum})
 * get a bridge too, so that the rewritten bridge records the operation.
 */
final class LambdaBridges {

    private static final String LMF = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;

    private final ClassNode host;
    private final List<MethodNode> created = new ArrayList<>();
    private int counter;

    LambdaBridges(ClassNode host) {
        this.host = host;
    }

    /** @return the bridges created so far; they still need rewriting */
    List<MethodNode> created() {
        return created;
    }

    /** @return whether the lambda needs a bridge to keep its derivatives */
    boolean needsBridge(InvokeDynamicInsnNode indy) {
        if (!indy.bsm.getOwner().equals(LMF) || indy.bsmArgs.length < 3 || !(indy.bsmArgs[1] instanceof Handle)) {
            return false;
        }
        if (indy.bsm.getName().equals("altMetafactory") && indy.bsmArgs.length > 3
                && indy.bsmArgs[3] instanceof Integer && ((Integer) indy.bsmArgs[3] & FLAG_SERIALIZABLE) != 0) {
            return false; // $deserializeLambda$ checks the implementation method by name
        }
        Handle impl = (Handle) indy.bsmArgs[1];
        if (impl.getTag() == H_NEWINVOKESPECIAL) {
            return false;
        }
        if ((host.access & ACC_INTERFACE) != 0 && (host.version & 0xFFFF) < V9) {
            return false; // private interface methods need class file version 53
        }
        boolean capturesDouble = false;
        for (Type t : Type.getArgumentTypes(indy.desc)) {
            capturesDouble |= t.getSort() == Type.DOUBLE;
        }
        return capturesDouble
                || (impl.getTag() == H_INVOKESTATIC && ElementaryCalls.helper(impl.getOwner(), impl.getName(), impl.getDesc()) != null);
    }

    /**
     * Creates the bridge for {@code indy} and returns the call site that uses it; the caller
     * must push one index per captured double after the captured values.
     */
    InvokeDynamicInsnNode bridge(InvokeDynamicInsnNode indy) {
        Handle impl = (Handle) indy.bsmArgs[1];
        Type[] captured = Type.getArgumentTypes(indy.desc);
        List<Type> effective = new ArrayList<>();
        if (impl.getTag() != H_INVOKESTATIC) {
            effective.add(Type.getObjectType(impl.getOwner()));
        }
        effective.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        List<Type> trailing = effective.subList(captured.length, effective.size());
        Type ret = Type.getReturnType(impl.getDesc());

        List<Type> bridgeParams = new ArrayList<>(List.of(captured));
        int doubles = 0;
        for (Type t : captured) {
            if (t.getSort() == Type.DOUBLE) {
                bridgeParams.add(Type.INT_TYPE);
                doubles++;
            }
        }
        bridgeParams.addAll(trailing);
        String bridgeDesc = Type.getMethodDescriptor(ret, bridgeParams.toArray(new Type[0]));
        String name = freshName();
        MethodNode bridge = new MethodNode(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, name, bridgeDesc, null, null);

        int slot = 0;
        int[] capturedSlots = new int[captured.length];
        for (int i = 0; i < captured.length; i++) {
            capturedSlots[i] = slot;
            slot += captured[i].getSize();
        }
        int indexSlot = slot;
        slot += doubles;
        for (int i = 0; i < captured.length; i++) {
            bridge.instructions.add(new VarInsnNode(captured[i].getOpcode(ILOAD), capturedSlots[i]));
            if (captured[i].getSort() == Type.DOUBLE) {
                bridge.instructions.add(new VarInsnNode(ILOAD, indexSlot++));
                bridge.instructions.add(new MethodInsnNode(INVOKESTATIC, RuntimeContract.RT, "attach", "(DI)D", false));
            }
        }
        for (Type t : trailing) {
            bridge.instructions.add(new VarInsnNode(t.getOpcode(ILOAD), slot));
            slot += t.getSize();
        }
        bridge.instructions.add(new MethodInsnNode(invokeOpcode(impl.getTag()), impl.getOwner(), impl.getName(),
                impl.getDesc(), impl.isInterface()));
        bridge.instructions.add(new InsnNode(ret.getOpcode(IRETURN)));
        bridge.maxLocals = slot;
        bridge.maxStack = slot + 2;
        created.add(bridge);

        List<Type> siteParams = new ArrayList<>(List.of(captured));
        for (int i = 0; i < doubles; i++) {
            siteParams.add(Type.INT_TYPE);
        }
        Object[] bsmArgs = indy.bsmArgs.clone();
        bsmArgs[1] = new Handle(H_INVOKESTATIC, host.name, name, bridgeDesc, (host.access & ACC_INTERFACE) != 0);
        String siteDesc = Type.getMethodDescriptor(Type.getReturnType(indy.desc), siteParams.toArray(new Type[0]));
        return new InvokeDynamicInsnNode(indy.name, siteDesc, indy.bsm, bsmArgs);
    }

    private String freshName() {
        while (true) {
            String candidate = "lambda$ad4j$" + counter++;
            boolean taken = false;
            for (MethodNode m : host.methods) {
                taken |= m.name.equals(candidate);
            }
            if (!taken) {
                return candidate;
            }
        }
    }

    private static int invokeOpcode(int tag) {
        switch (tag) {
            case H_INVOKESTATIC: return INVOKESTATIC;
            case H_INVOKESPECIAL: return INVOKESPECIAL;
            case H_INVOKEINTERFACE: return INVOKEINTERFACE;
            default: return INVOKEVIRTUAL;
        }
    }
}
