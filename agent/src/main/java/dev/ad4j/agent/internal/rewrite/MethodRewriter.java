package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Rewrites one method body per the shadow model: every double value gets an int index in a
 * shadow local, and every operation on doubles also calls a runtime helper that records its
 * partials when an operand is active. The original instructions all stay, in order, so the
 * primal computation is bit-identical; the rewriter only adds instructions around them and
 * never adds branches (the helpers branch internally), so no new stack map frames are needed.
 */
final class MethodRewriter {

    private final String owner;
    private final MethodNode method;
    private ShadowLocals shadows;
    private InsnList out;

    MethodRewriter(String owner, MethodNode method) {
        this.owner = owner;
        this.method = method;
    }

    /** @return whether the method touches doubles and must be rewritten */
    static boolean needsRewrite(MethodNode method) {
        if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
            return false;
        }
        if (method.desc.indexOf('D') >= 0 && involvesDouble(method.desc)) {
            return true;
        }
        for (AbstractInsnNode insn : method.instructions) {
            if (touchesDouble(insn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean involvesDouble(String desc) {
        if (Type.getReturnType(desc).getSort() == Type.DOUBLE) {
            return true;
        }
        for (Type t : Type.getArgumentTypes(desc)) {
            if (t.getSort() == Type.DOUBLE) {
                return true;
            }
        }
        return false;
    }

    private static boolean touchesDouble(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        switch (op) {
            case DLOAD: case DSTORE: case DALOAD: case DASTORE: case DRETURN:
            case DCONST_0: case DCONST_1: case DADD: case DSUB: case DMUL: case DDIV: case DREM: case DNEG:
            case I2D: case L2D: case F2D:
                return true;
            case LDC:
                return ((LdcInsnNode) insn).cst instanceof Double;
            case GETFIELD: case GETSTATIC:
                return ((FieldInsnNode) insn).desc.equals("D");
            case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKESTATIC: case INVOKEINTERFACE:
                MethodInsnNode m = (MethodInsnNode) insn;
                return involvesDouble(m.desc) || isArrayCopy(m);
            case INVOKEDYNAMIC:
                return involvesDouble(((InvokeDynamicInsnNode) insn).desc);
            default:
                return false;
        }
    }

    private static boolean isArrayCopy(MethodInsnNode m) {
        return m.owner.equals("java/lang/System") && m.name.equals("arraycopy");
    }

    /** Rewrites the method in place. */
    void rewrite() throws AnalyzerException {
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        shadows = new ShadowLocals(method, frames);
        AbstractInsnNode[] insns = method.instructions.toArray();
        out = new InsnList();
        prologue();
        for (int k = 0; k < insns.length; k++) {
            AbstractInsnNode insn = insns[k];
            method.instructions.remove(insn);
            shadows.resetTemps();
            Frame<BasicValue> before = frames[k];
            if (insn instanceof FrameNode) {
                FrameNode frame = (FrameNode) insn;
                if (frame.type == F_NEW) {
                    frame.local = shadows.extend(frame.local);
                }
                out.add(insn);
            } else if (before == null || insn.getOpcode() < 0) {
                out.add(insn);
            } else {
                rewrite(insn, before);
            }
        }
        method.instructions = out;
    }

    /** Fetches the tape, takes parameter indices from the call registers, zeroes the other shadows. */
    private void prologue() {
        for (int slot : shadows.allShadows()) {
            out.add(new InsnNode(ICONST_0));
            out.add(new VarInsnNode(ISTORE, slot));
        }
        out.add(new MethodInsnNode(INVOKESTATIC, RuntimeContract.RT, "enter", RuntimeContract.ENTER_DESC, false));
        out.add(new VarInsnNode(ASTORE, shadows.tape()));
        int[] slots = ShadowLocals.doubleParameterSlots(method);
        for (int j = 0; j < slots.length; j++) {
            tape();
            out.add(new VarInsnNode(DLOAD, slots[j]));
            out.add(intConst(j));
            out.add(intConst(slots.length));
            rt("param", RuntimeContract.PARAM_DESC);
            out.add(new VarInsnNode(ISTORE, shadows.local(slots[j])));
        }
        if (slots.length > 0) {
            tape();
            rt("endParams", RuntimeContract.END_PARAMS_DESC);
        }
    }

    private void rewrite(AbstractInsnNode insn, Frame<BasicValue> before) {
        int sz = before.getStackSize();
        int op = insn.getOpcode();
        switch (op) {
            case DLOAD:
                out.add(insn);
                copyShadow(shadows.local(((VarInsnNode) insn).var), shadows.stack(sz));
                return;
            case DSTORE:
                copyShadow(shadows.stack(sz - 1), shadows.local(((VarInsnNode) insn).var));
                out.add(insn);
                return;
            case DCONST_0: case DCONST_1:
                out.add(insn);
                passive(sz);
                return;
            case LDC:
                out.add(insn);
                if (((LdcInsnNode) insn).cst instanceof Double) {
                    passive(sz);
                }
                return;
            case I2D: case F2D: case L2D:
                out.add(insn);
                passive(sz - 1);
                return;
            case GETSTATIC:
                out.add(insn);
                if (((FieldInsnNode) insn).desc.equals("D")) {
                    passive(sz);
                }
                return;
            case GETFIELD:
                out.add(insn);
                if (((FieldInsnNode) insn).desc.equals("D")) {
                    passive(sz - 1);
                }
                return;
            case DADD: operation(insn, "dadd", "(DD)D", sz); return;
            case DSUB: operation(insn, "dsub", "(DD)D", sz); return;
            case DMUL: operation(insn, "dmul", "(DD)D", sz); return;
            case DDIV: operation(insn, "ddiv", "(DD)D", sz); return;
            case DREM: operation(insn, "drem", "(DD)D", sz); return;
            case DNEG: operation(insn, "dneg", "(D)D", sz); return;
            case DALOAD: arrayLoad(insn, sz); return;
            case DASTORE: arrayStore(insn, sz); return;
            case DRETURN:
                int tv = shadows.temp(Type.DOUBLE_TYPE);
                out.add(new InsnNode(DUP2));
                out.add(new VarInsnNode(DSTORE, tv));
                tape();
                out.add(new VarInsnNode(ILOAD, shadows.stack(sz - 1)));
                out.add(new VarInsnNode(DLOAD, tv));
                rt("ret", RuntimeContract.RET_DESC);
                out.add(insn);
                return;
            case DUP: case DUP_X1: case DUP_X2: case DUP2: case DUP2_X1: case DUP2_X2: case SWAP:
                out.add(insn);
                shuffle(StackShuffles.copies(op, before));
                return;
            case INVOKESTATIC: case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKEINTERFACE:
                methodCall((MethodInsnNode) insn, sz);
                return;
            case INVOKEDYNAMIC:
                call(insn, ((InvokeDynamicInsnNode) insn).desc, false, sz);
                return;
            default:
                out.add(insn);
        }
    }

    private void methodCall(MethodInsnNode m, int sz) {
        boolean math = m.getOpcode() == INVOKESTATIC
                && (m.owner.equals("java/lang/Math") || m.owner.equals("java/lang/StrictMath"))
                && Type.getReturnType(m.desc).getSort() == Type.DOUBLE;
        if (math && RuntimeContract.hasHelper(m.name, m.desc)) {
            operation(m, m.name, m.desc, sz);
        } else if (isArrayCopy(m)) {
            arrayCopy(m);
        } else {
            call(m, m.desc, m.getOpcode() != INVOKESTATIC, sz);
        }
    }

    /**
     * An operation with a derivative helper: operands are parked in temps so that both the
     * original instruction and the helper see them; the helper gets the operand indices, the
     * operands and the result, and returns the result's index.
     */
    private void operation(AbstractInsnNode insn, String helper, String desc, int sz) {
        Type[] params = Type.getArgumentTypes(desc);
        int base = sz - params.length;
        int[] temps = spill(params, 0);
        out.add(insn);
        int result = shadows.temp(Type.DOUBLE_TYPE);
        out.add(new InsnNode(DUP2));
        out.add(new VarInsnNode(DSTORE, result));
        tape();
        for (int i = 0; i < params.length; i++) {
            if (params[i].getSort() == Type.DOUBLE) {
                out.add(new VarInsnNode(ILOAD, shadows.stack(base + i)));
            }
        }
        for (int i = 0; i < params.length; i++) {
            out.add(new VarInsnNode(params[i].getOpcode(ILOAD), temps[i]));
        }
        out.add(new VarInsnNode(DLOAD, result));
        rt(helper, RuntimeContract.helperDesc(desc));
        out.add(new VarInsnNode(ISTORE, shadows.stack(base)));
    }

    /**
     * A call that is not an elementary operation: double arguments travel with their indices in
     * the tape's call registers, and a double result takes its index from the return register.
     * Both are checked against the values by the runtime, so a call into code that is not
     * instrumented can never attach an index to the wrong value.
     */
    private void call(AbstractInsnNode insn, String desc, boolean receiver, int sz) {
        Type[] params = Type.getArgumentTypes(desc);
        int firstParam = sz - params.length;
        int firstDouble = -1;
        int doubles = 0;
        for (int i = 0; i < params.length; i++) {
            if (params[i].getSort() == Type.DOUBLE) {
                doubles++;
                if (firstDouble < 0) {
                    firstDouble = i;
                }
            }
        }
        if (doubles > 0) {
            int[] temps = spill(params, firstDouble);
            tape();
            out.add(intConst(doubles));
            rt("args", RuntimeContract.ARGS_DESC);
            int j = 0;
            for (int i = firstDouble; i < params.length; i++) {
                if (params[i].getSort() == Type.DOUBLE) {
                    tape();
                    out.add(intConst(j++));
                    out.add(new VarInsnNode(ILOAD, shadows.stack(firstParam + i)));
                    out.add(new VarInsnNode(DLOAD, temps[i]));
                    rt("arg", RuntimeContract.ARG_DESC);
                }
            }
        }
        out.add(insn);
        if (Type.getReturnType(desc).getSort() == Type.DOUBLE) {
            int result = shadows.temp(Type.DOUBLE_TYPE);
            out.add(new InsnNode(DUP2));
            out.add(new VarInsnNode(DSTORE, result));
            tape();
            out.add(new VarInsnNode(DLOAD, result));
            rt("result", RuntimeContract.RESULT_DESC);
            out.add(new VarInsnNode(ISTORE, shadows.stack(firstParam - (receiver ? 1 : 0))));
        } else if (doubles > 0) {
            tape();
            rt("afterCall", RuntimeContract.AFTER_CALL_DESC);
        }
    }

    private void arrayLoad(AbstractInsnNode insn, int sz) {
        // Stack: [D I
        int[] temps = spill(new Type[] {Type.getType("[D"), Type.INT_TYPE}, 0);
        out.add(insn);
        int value = shadows.temp(Type.DOUBLE_TYPE);
        out.add(new InsnNode(DUP2));
        out.add(new VarInsnNode(DSTORE, value));
        tape();
        out.add(new VarInsnNode(ALOAD, temps[0]));
        out.add(new VarInsnNode(ILOAD, temps[1]));
        out.add(new VarInsnNode(DLOAD, value));
        rt("daload", RuntimeContract.DALOAD_DESC);
        out.add(new VarInsnNode(ISTORE, shadows.stack(sz - 2)));
    }

    private void arrayStore(AbstractInsnNode insn, int sz) {
        // Stack: [D I D
        int[] temps = spill(new Type[] {Type.getType("[D"), Type.INT_TYPE, Type.DOUBLE_TYPE}, 0);
        out.add(insn);
        tape();
        out.add(new VarInsnNode(ALOAD, temps[0]));
        out.add(new VarInsnNode(ILOAD, temps[1]));
        out.add(new VarInsnNode(ILOAD, shadows.stack(sz - 1)));
        rt("dastore", RuntimeContract.DASTORE_DESC);
    }

    private void arrayCopy(MethodInsnNode insn) {
        Type[] params = Type.getArgumentTypes(insn.desc);
        int[] temps = spill(params, 0);
        out.add(insn);
        tape();
        for (int i = 0; i < params.length; i++) {
            out.add(new VarInsnNode(params[i].getOpcode(ILOAD), temps[i]));
        }
        rt("arraycopy", RuntimeContract.ARRAYCOPY_DESC);
    }

    /**
     * Parks the operands {@code params[from..]} (on top of the stack) in temps and pushes them
     * back, so that they can be read again after the instruction consumed them.
     *
     * @return the temp of each parameter (entries before {@code from} unused)
     */
    private int[] spill(Type[] params, int from) {
        int[] temps = new int[params.length];
        for (int i = from; i < params.length; i++) {
            temps[i] = shadows.temp(params[i]);
        }
        for (int i = params.length - 1; i >= from; i--) {
            out.add(new VarInsnNode(params[i].getOpcode(ISTORE), temps[i]));
        }
        for (int i = from; i < params.length; i++) {
            out.add(new VarInsnNode(params[i].getOpcode(ILOAD), temps[i]));
        }
        return temps;
    }

    private void shuffle(List<int[]> pairs) {
        for (int[] p : pairs) {
            out.add(new VarInsnNode(ILOAD, shadows.stack(p[1])));
        }
        for (int i = pairs.size() - 1; i >= 0; i--) {
            out.add(new VarInsnNode(ISTORE, shadows.stack(pairs.get(i)[0])));
        }
    }

    private void copyShadow(int from, int to) {
        out.add(new VarInsnNode(ILOAD, from));
        out.add(new VarInsnNode(ISTORE, to));
    }

    private void passive(int stackPosition) {
        out.add(new InsnNode(ICONST_0));
        out.add(new VarInsnNode(ISTORE, shadows.stack(stackPosition)));
    }

    private void tape() {
        out.add(new VarInsnNode(ALOAD, shadows.tape()));
    }

    private void rt(String name, String desc) {
        out.add(new MethodInsnNode(INVOKESTATIC, RuntimeContract.RT, name, desc, false));
    }

    private static AbstractInsnNode intConst(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(ICONST_0 + value);
        }
        return new IntInsnNode(value <= Byte.MAX_VALUE ? BIPUSH : SIPUSH, value);
    }
}
