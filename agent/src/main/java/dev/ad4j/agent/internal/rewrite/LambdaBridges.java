package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
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
 * get a bridge too, so that the rewritten bridge records the operation, and so do method references
 * whose doubles the proxy would box or unbox ({@code BinaryOperator<Double> add = Double::sum}):
 * the bridge takes and returns the boxes and converts them in rewritten code.
 *
 * <p>Such method references are bridged in the original bodies too ({@link #bridgeReferences}):
 * a reference is often made once, outside any recording (a layer's activation chosen when the
 * model is built), and called while recording, where the JDK's proxy would call the function
 * itself and the derivative would be lost. Lambdas with a body need nothing there: the body is
 * a method of the host class and rewritten with it, and doubles captured outside a recording
 * are constants.
 */
final class LambdaBridges {

    private static final String LMF = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final Type BOXED = Type.getType(Double.class);

    private final ClassNode host;
    private final List<MethodNode> created = new ArrayList<>();
    /** Bridges by call site shape: the same reference in the original and the recording body shares one. */
    private final Map<String, Handle> byShape = new HashMap<>();
    private int counter;

    LambdaBridges(ClassNode host) {
        this.host = host;
    }

    /** @return the bridges created so far; they still need rewriting */
    List<MethodNode> created() {
        return created;
    }

    /**
     * Points every method reference in {@code methods} that needs a bridge but captures no
     * double at its bridge (see the class comment); the call sites keep their stack effect.
     */
    void bridgeReferences(List<MethodNode> methods) {
        for (MethodNode m : methods) {
            for (AbstractInsnNode insn : m.instructions.toArray()) {
                if (insn instanceof InvokeDynamicInsnNode) {
                    InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
                    if (needsBridge(indy) && !capturesDouble(indy)) {
                        m.instructions.set(indy, bridge(indy));
                    }
                }
            }
        }
    }

    private static boolean capturesDouble(InvokeDynamicInsnNode indy) {
        for (Type t : Type.getArgumentTypes(indy.desc)) {
            if (t.getSort() == Type.DOUBLE) {
                return true;
            }
        }
        return false;
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
        if (!ClassVersions.declaresPrivateMethods(host)) {
            return false; // the bridge is a private method
        }
        return capturesDouble(indy) || boxes(indy)
                || (impl.getTag() == H_INVOKESTATIC && ElementaryCalls.isElementary(impl.getOwner(), impl.getName(), impl.getDesc(), ACC_STATIC));
    }

    /**
     * @return whether the proxy would box or unbox a double between the functional interface and
     *     the implementation ({@code BinaryOperator<Double> add = Double::sum}): the JDK's boxing
     *     would drop the index, so the bridge boxes and unboxes in rewritten code instead
     */
    private static boolean boxes(InvokeDynamicInsnNode indy) {
        Handle impl = (Handle) indy.bsmArgs[1];
        if (!(indy.bsmArgs[2] instanceof Type)) {
            return false;
        }
        Type instantiated = (Type) indy.bsmArgs[2];
        List<Type> trailing = trailing(impl, Type.getArgumentTypes(indy.desc).length);
        Type[] samParams = instantiated.getArgumentTypes();
        for (int i = 0; i < trailing.size() && i < samParams.length; i++) {
            if (isUnboxing(samParams[i], trailing.get(i))) {
                return true;
            }
        }
        return isUnboxing(instantiated.getReturnType(), Type.getReturnType(impl.getDesc()));
    }

    private static boolean isUnboxing(Type boxed, Type primitive) {
        return primitive.getSort() == Type.DOUBLE && boxed.getDescriptor().equals(BOXED.getDescriptor());
    }

    /** @return the implementation's parameters that the functional interface's call supplies */
    private static List<Type> trailing(Handle impl, int captured) {
        List<Type> effective = new ArrayList<>();
        if (impl.getTag() != H_INVOKESTATIC) {
            effective.add(Type.getObjectType(impl.getOwner()));
        }
        effective.addAll(List.of(Type.getArgumentTypes(impl.getDesc())));
        return effective.subList(captured, effective.size());
    }

    /**
     * Creates the bridge for {@code indy} and returns the call site that uses it; the caller
     * must push one index per captured double after the captured values.
     */
    InvokeDynamicInsnNode bridge(InvokeDynamicInsnNode indy) {
        Handle impl = (Handle) indy.bsmArgs[1];
        Type[] captured = Type.getArgumentTypes(indy.desc);
        List<Type> trailing = trailing(impl, captured.length);
        Type implRet = Type.getReturnType(impl.getDesc());
        Type[] samParams = indy.bsmArgs[2] instanceof Type ? ((Type) indy.bsmArgs[2]).getArgumentTypes() : new Type[0];
        Type samRet = indy.bsmArgs[2] instanceof Type ? ((Type) indy.bsmArgs[2]).getReturnType() : implRet;
        boolean[] unbox = new boolean[trailing.size()];
        List<Type> bridgeTrailing = new ArrayList<>();
        for (int i = 0; i < trailing.size(); i++) {
            unbox[i] = i < samParams.length && isUnboxing(samParams[i], trailing.get(i));
            bridgeTrailing.add(unbox[i] ? BOXED : trailing.get(i));
        }
        boolean box = isUnboxing(samRet, implRet);
        Type ret = box ? BOXED : implRet;

        List<Type> bridgeParams = new ArrayList<>(List.of(captured));
        int doubles = 0;
        for (Type t : captured) {
            if (t.getSort() == Type.DOUBLE) {
                bridgeParams.add(Type.INT_TYPE);
                doubles++;
            }
        }
        bridgeParams.addAll(bridgeTrailing);
        String bridgeDesc = Type.getMethodDescriptor(ret, bridgeParams.toArray(new Type[0]));
        String shape = indy.name + indy.desc + impl + indy.bsmArgs[2];
        Handle known = byShape.get(shape);
        if (known != null) {
            return site(indy, captured, doubles, known);
        }
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
                bridge.instructions.add(RuntimeContract.call("attach", "(DI)D"));
            }
        }
        for (int i = 0; i < bridgeTrailing.size(); i++) {
            Type t = bridgeTrailing.get(i);
            bridge.instructions.add(new VarInsnNode(t.getOpcode(ILOAD), slot));
            if (unbox[i]) {
                bridge.instructions.add(new MethodInsnNode(INVOKEVIRTUAL, BOXED.getInternalName(), "doubleValue", "()D", false));
            }
            slot += t.getSize();
        }
        bridge.instructions.add(new MethodInsnNode(invokeOpcode(impl.getTag()), impl.getOwner(), impl.getName(),
                impl.getDesc(), impl.isInterface()));
        if (box) {
            bridge.instructions.add(new MethodInsnNode(INVOKESTATIC, BOXED.getInternalName(), "valueOf",
                    "(D)Ljava/lang/Double;", false));
        }
        bridge.instructions.add(new InsnNode(ret.getOpcode(IRETURN)));
        bridge.maxLocals = slot;
        bridge.maxStack = slot + 2;
        created.add(bridge);

        Handle handle = new Handle(H_INVOKESTATIC, host.name, name, bridgeDesc, (host.access & ACC_INTERFACE) != 0);
        byShape.put(shape, handle);
        return site(indy, captured, doubles, handle);
    }

    /** The call site of {@code indy} pointed at {@code bridge}, with one index after the captured values per double. */
    private static InvokeDynamicInsnNode site(InvokeDynamicInsnNode indy, Type[] captured, int doubles, Handle bridge) {
        List<Type> siteParams = new ArrayList<>(List.of(captured));
        for (int i = 0; i < doubles; i++) {
            siteParams.add(Type.INT_TYPE);
        }
        Object[] bsmArgs = indy.bsmArgs.clone();
        bsmArgs[1] = bridge;
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
