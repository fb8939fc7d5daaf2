package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import dev.ad4j.agent.internal.select.ClassSelector;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
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
 * shadow local; arithmetic builds {@link ExpressionForms} that become one tape statement where
 * the value is stored or used, and elementary functions call a runtime helper that records their
 * partials when an operand is active. The original instructions all stay, in order, so the
 * primal computation is bit-identical; the rewriter only adds instructions around them (a call
 * of a method of the same class may instead enter that method's recording body, which computes
 * the same values: {@link RecordingBodies}). It adds
 * no branch (a constructor's jump to its {@link PassiveCopy} aside), so the existing stack map
 * frames are extended, never recomputed.
 */
final class MethodRewriter {

    private final String owner;
    private final MethodNode method;
    private final FieldOwners fields;
    /** The instance {@code double[]} fields the class declares: shadow caches may be primed with them. */
    private final Set<String> ownArrayFields;
    private final LambdaBridges bridges;
    private final LossReporting losses;
    private final String source;
    private ShadowLocals shadows;
    private Emitter e;
    private int line;
    private FreshTemporaries fresh;
    private ExpressionForms forms;
    private ArrayElements elements;
    /** For the DALOAD being rewritten: the slot holding the index of an earlier load of the same element, or -1. */
    private int sameElementIndex = -1;
    private ShadowCaches caches;
    private CompoundAssignments compounds;
    /** The DASTORE being rewritten stores an expression recorded right there: the element alone holds it. */
    private boolean storesFreshForm;
    private FieldAccess fieldAccess;

    /** Where control flow arrives other than by falling through: expression forms end there. */
    private Set<LabelNode> branchTargets;
    /** Per original instruction: for a DSTORE whose value dies in its block, its loads there; else -1. */
    private int[] loadsInBlock;

    /** Whether arithmetic builds expression forms (one statement per store) or records each operation. */
    private final boolean expressionForms;
    /** Whether temporaries that die in their block stay expression forms ({@link DeadAtBlockEnd}). */
    private final boolean keepTemporaries;
    /** The original body for threads that are not recording, or null. */
    private final PassiveCopy passive;
    /**
     * The recording bodies of the class when this method becomes one: it then takes the tape and
     * its parameters' indices as parameters and calls others directly; else null.
     */
    private final RecordingBodies bodies;
    /** Which array accesses remember their array's shadow ({@link ShadowCaches}). */
    private final ShadowCaches.Reach shadowCaches;
    /** The per-site fast paths of cached array accesses. */
    private final SiteGuards guards;

    MethodRewriter(String owner, String source, MethodNode method, FieldOwners fields, Set<String> ownArrayFields,
            LambdaBridges bridges, LossReporting losses, FormLevel level, ShadowCaches.Reach shadowCaches, PassiveCopy passive,
            RecordingBodies bodies, SiteGuards guards) {
        this.bodies = bodies;
        this.guards = guards;
        this.ownArrayFields = ownArrayFields;
        this.shadowCaches = shadowCaches;
        this.expressionForms = level.expressionForms();
        this.keepTemporaries = level.keepsTemporaries();
        this.passive = method.name.equals("<clinit>") ? null : passive;
        this.owner = owner;
        this.source = source;
        this.method = method;
        this.fields = fields;
        this.bridges = bridges;
        this.losses = losses;
    }

    /** @return whether the method touches doubles and must be rewritten */
    static boolean needsRewrite(MethodNode method) {
        if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
            return false;
        }
        if (method.name.equals("<clinit>")) {
            return true; // it must keep the call registers of the call that triggered it
        }
        if (involvesDouble(method.desc)) {
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
        return desc.indexOf('D') >= 0 && (Type.getReturnType(desc).getSort() == Type.DOUBLE
                || java.util.Arrays.stream(Type.getArgumentTypes(desc)).anyMatch(t -> t.getSort() == Type.DOUBLE));
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
            case GETFIELD: case GETSTATIC: case PUTFIELD: case PUTSTATIC:
                return ((FieldInsnNode) insn).desc.equals("D");
            case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKESTATIC: case INVOKEINTERFACE:
                MethodInsnNode m = (MethodInsnNode) insn;
                return involvesDouble(m.desc) || JdkCalls.handles(m);
            case INVOKEDYNAMIC:
                return involvesDouble(((InvokeDynamicInsnNode) insn).desc);
            default:
                return false;
        }
    }

    /** Rewrites the method in place. */
    void rewrite() throws AnalyzerException {
        if (bodies != null) {
            // The tape and the indices arrive in the slots after the parameters; the body reads them first.
            int parameters = RecordingBodies.argumentSlots(method);
            method.maxLocals = Math.max(method.maxLocals, parameters + 1 + ShadowLocals.doubleParameterSlots(method).length);
        }
        Frame<BasicValue>[] frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        AbstractInsnNode[] insns = method.instructions.toArray();
        branchTargets = DeadAtBlockEnd.branchTargets(method);
        loadsInBlock = keepTemporaries ? DeadAtBlockEnd.of(method, insns, branchTargets) : null;
        BitSet kept = new BitSet();
        for (int k = 0; keepTemporaries && k < insns.length; k++) {
            if (loadsInBlock[k] >= 0) {
                kept.set(((VarInsnNode) insns[k]).var);
            }
        }
        caches = shadowCaches == ShadowCaches.Reach.NONE ? new ShadowCaches()
                : new ShadowCaches(owner, method, ownArrayFields, insns, frames, branchTargets,
                        shadowCaches == ShadowCaches.Reach.EVERYWHERE);
        shadows = new ShadowLocals(method, frames, expressionForms, kept, caches.count());
        e = new Emitter(shadows, owner);
        fresh = new FreshTemporaries(method.maxStack);
        forms = new ExpressionForms(shadows, e, method.maxStack, method.maxLocals);
        elements = new ArrayElements(branchTargets);
        compounds = new CompoundAssignments(expressionForms ? insns : new AbstractInsnNode[0], frames);
        fieldAccess = new FieldAccess(e, fields, losses);
        prologue();
        for (int k = 0; k < insns.length; k++) {
            AbstractInsnNode insn = insns[k];
            method.instructions.remove(insn);
            shadows.resetTemps();
            storesFreshForm = false;
            Frame<BasicValue> before = frames[k];
            Frame<BasicValue> next = k + 1 < frames.length ? frames[k + 1] : null;
            if (insn instanceof LineNumberNode) {
                line = ((LineNumberNode) insn).line;
            }
            int plainFrom = before == null || !expressionForms ? Integer.MAX_VALUE : settleForms(k, insn, before, next);
            // The array element a DALOAD reads, named once for both uses below.
            // (not for a compound assignment's load: its element keeps its statement to itself)
            int element = plainFrom != Integer.MAX_VALUE && insn.getOpcode() == DALOAD && !compounds.isLoad(insn)
                    ? elements.load(insns, k) : -1;
            if (insn instanceof FrameNode) {
                FrameNode frame = (FrameNode) insn;
                if (frame.type == F_NEW) {
                    frame.local = shadows.extend(frame.local);
                }
                e.add(insn);
            } else if (before == null || insn.getOpcode() < 0) {
                e.add(insn);
            } else {
                sameElementIndex = element >= 0 ? forms.indexSlotOf(element, before.getStackSize() - 2) : -1;
                rewrite(insn, before);
            }
            if (plainFrom != Integer.MAX_VALUE) {
                forms.plainFrom(plainFrom);
                if (pushesConstant(insn)) {
                    forms.constant(next.getStackSize() - 1);
                } else if (insn.getOpcode() == DLOAD && forms.keeps(((VarInsnNode) insn).var)) {
                    forms.loadKept(before.getStackSize(), ((VarInsnNode) insn).var);
                } else if (insn.getOpcode() == DLOAD) {
                    forms.loaded(before.getStackSize(), ((VarInsnNode) insn).var);
                } else if (element >= 0) {
                    forms.loaded(before.getStackSize() - 2, element);
                }
            }
            if (expressionForms) {
                forms.forgetOrigins(elements.staleAfter(insn));
            }
            fresh.after(insn, before, next);
        }
        if (passive != null) {
            passive.append(method, e.out);
        }
        method.instructions = e.out;
    }

    /**
     * Fetches the tape, takes parameter indices from the call registers (or, in a recording body,
     * from its parameters), zeroes the other shadows.
     */
    private void prologue() {
        int[] slots = ShadowLocals.doubleParameterSlots(method);
        if (bodies != null) {
            int parameters = RecordingBodies.argumentSlots(method);
            e.var(ALOAD, parameters);
            e.var(ASTORE, shadows.tape());
            clearShadows();
            for (int j = 0; j < slots.length; j++) {
                e.var(ILOAD, parameters + 1 + j);
                e.var(ISTORE, shadows.local(slots[j]));
            }
            return;
        }
        e.rt("enter", RuntimeContract.ENTER_DESC);
        e.var(ASTORE, shadows.tape());
        if (passive != null) {
            passive.branch(e, shadows.tape());
        }
        clearShadows();
        if (shadows.savedRegisters() >= 0) {
            e.tape();
            e.rt("saveRegisters", "(" + RuntimeContract.TAPE_DESC + ")Ljava/lang/Object;");
            e.var(ASTORE, shadows.savedRegisters());
        }
        for (int j = 0; j < slots.length; j++) {
            e.tape();
            e.var(DLOAD, slots[j]);
            e.intConst(j);
            e.intConst(slots.length);
            e.rt("param", RuntimeContract.PARAM_DESC);
            e.var(ISTORE, shadows.local(slots[j]));
        }
        if (slots.length > 0) {
            e.tape();
            e.rt("endParams", RuntimeContract.END_PARAMS_DESC);
        }
    }

    /**
     * Zeroes the int shadows and sets the shadow caches, so that every frame finds them set: a
     * cache whose array is known on entry is primed with its shadow ({@link ShadowCaches}), the
     * others start empty.
     */
    private void clearShadows() {
        for (int slot : shadows.allShadows()) {
            e.op(ICONST_0);
            e.var(ISTORE, slot);
        }
        for (int c = 0; c < shadows.caches(); c++) {
            InsnList primer = caches.primer(c);
            if (primer == null) {
                e.op(ACONST_NULL);
                e.var(ASTORE, shadows.cacheKey(c));
                e.op(ACONST_NULL);
                e.var(ASTORE, shadows.cacheShadow(c));
                e.op(ICONST_0);
                e.var(ISTORE, shadows.cacheEpoch(c));
                continue;
            }
            e.out.add(primer);
            e.op(DUP);
            e.var(ASTORE, shadows.cacheKey(c));
            e.tape();
            e.op(SWAP);
            e.rt("primeShadow", RuntimeContract.PRIME_SHADOW_DESC);
            e.var(ASTORE, shadows.cacheShadow(c));
            e.tape();
            e.rt("shadowEpoch", RuntimeContract.SHADOW_EPOCH_DESC);
            e.var(ISTORE, shadows.cacheEpoch(c));
        }
    }

    private void rewrite(AbstractInsnNode insn, Frame<BasicValue> before) {
        int sz = before.getStackSize();
        int op = insn.getOpcode();
        switch (op) {
            case DLOAD:
                e.add(insn);
                e.copyShadow(shadows.local(((VarInsnNode) insn).var), shadows.stack(sz));
                return;
            case DSTORE:
                e.copyShadow(shadows.stack(sz - 1), shadows.local(((VarInsnNode) insn).var));
                e.add(insn);
                return;
            case DCONST_0: case DCONST_1:
                e.add(insn);
                e.passive(sz);
                return;
            case LDC:
                e.add(insn);
                if (((LdcInsnNode) insn).cst instanceof Double) {
                    e.passive(sz);
                }
                return;
            case I2D: case F2D: case L2D:
                e.add(insn);
                e.passive(sz - 1);
                return;
            case D2I: case D2L: case D2F:
                losses.value(e, where(), shadows.stack(sz - 1), "active value converted to "
                        + (op == D2I ? "int" : op == D2L ? "long" : "float") + " (passive by definition)");
                e.add(insn);
                return;
            case GETSTATIC: case GETFIELD: case PUTSTATIC: case PUTFIELD:
                fieldAccess.emit((FieldInsnNode) insn, sz, this::where);
                return;
            case DADD: arithmetic(insn, "add", sz); return;
            case DSUB: arithmetic(insn, "sub", sz); return;
            case DMUL: arithmetic(insn, "mul", sz); return;
            case DDIV: arithmetic(insn, "div", sz); return;
            case DREM: operation(insn, "drem", "(DD)D", sz); return;
            case DNEG: arithmetic(insn, "neg", sz); return;
            case DALOAD: arrayLoad(insn, sz); return;
            case DASTORE: arrayStore(insn, sz); return;
            case DRETURN: {
                int value = e.keepTop(Type.DOUBLE_TYPE);
                e.tape();
                e.var(ILOAD, shadows.stack(sz - 1));
                e.var(DLOAD, value);
                losses.returnValue(e, where());
                e.add(insn);
                return;
            }
            case DUP: case DUP_X1: case DUP_X2: case DUP2: case DUP2_X1: case DUP2_X2: case SWAP:
                e.add(insn);
                shuffle(StackShuffles.copies(op, before));
                return;
            case RETURN:
                if (shadows.savedRegisters() >= 0) {
                    e.tape();
                    e.var(ALOAD, shadows.savedRegisters());
                    e.rt("restoreRegisters", "(" + RuntimeContract.TAPE_DESC + "Ljava/lang/Object;)V");
                }
                e.add(insn);
                return;
            case INVOKESTATIC: case INVOKEVIRTUAL: case INVOKESPECIAL: case INVOKEINTERFACE:
                methodCall((MethodInsnNode) insn, sz);
                return;
            case INVOKEDYNAMIC:
                invokeDynamic((InvokeDynamicInsnNode) insn, sz);
                return;
            default:
                e.add(insn);
        }
    }

    private String where() {
        return owner.replace('/', '.') + "." + method.name + "(" + (source == null ? "Unknown Source" : source)
                + (line > 0 ? ":" + line : "") + ")";
    }

    private void methodCall(MethodInsnNode m, int sz) {
        boolean isStatic = m.getOpcode() == INVOKESTATIC;
        String helper = isStatic ? ElementaryCalls.helper(m.owner, m.name, m.desc) : null;
        int rule = isStatic ? ElementaryCalls.rule(m.owner, m.name, m.desc) : -1;
        MethodInsnNode body = bodies == null ? null : bodies.directCall(m);
        if (!isStatic && ElementaryCalls.hasIgnoredRule(m.owner, m.name, m.desc)) {
            ElementaryCalls.ignoredOnInstanceMethod(m.owner, m.name, m.desc);
        }
        if (helper != null) {
            operation(m, helper, m.desc, sz);
        } else if (rule >= 0) {
            ruleCall(m, rule, sz);
        } else if (m.owner.equals(RuntimeContract.RT) && m.name.equals("attach")) {
            attach(sz);
        } else if (JdkCalls.handles(m)) {
            JdkCalls.emit(e, m, sz);
        } else if (body != null) {
            directCall(body, m.desc, !isStatic, sz);
        } else {
            call(m, m.desc, m.getOpcode() != INVOKESTATIC, sz);
        }
    }

    /**
     * A call of a method of this class whose recording body this body enters directly
     * ({@link RecordingBodies}): the arguments stay, the tape and the double arguments' indices
     * follow them, and a double result takes its index from the return register, which the body
     * set as it returned.
     */
    private void directCall(MethodInsnNode body, String desc, boolean receiver, int sz) {
        Type[] params = Type.getArgumentTypes(desc);
        int firstParam = sz - params.length;
        if (receiver) {
            // The body is static: a null receiver must still fail as the instance call would.
            int[] temps = new int[params.length];
            for (int i = 0; i < params.length; i++) {
                temps[i] = shadows.temp(params[i]);
            }
            for (int i = params.length - 1; i >= 0; i--) {
                e.var(params[i].getOpcode(ISTORE), temps[i]);
            }
            e.op(DUP);
            e.add(new MethodInsnNode(INVOKESTATIC, "java/util/Objects", "requireNonNull",
                    "(Ljava/lang/Object;)Ljava/lang/Object;", false));
            e.op(POP);
            for (int i = 0; i < params.length; i++) {
                e.var(params[i].getOpcode(ILOAD), temps[i]);
            }
        }
        e.tape();
        for (int i = 0; i < params.length; i++) {
            if (params[i].getSort() == Type.DOUBLE) {
                e.var(ILOAD, shadows.stack(firstParam + i));
            }
        }
        e.add(body);
        if (Type.getReturnType(desc).getSort() == Type.DOUBLE) {
            e.tape();
            e.rt("bodyResult", RuntimeContract.BODY_RESULT_DESC);
            e.var(ISTORE, shadows.stack(firstParam - (receiver ? 1 : 0)));
        }
    }

    /** {@code Rt.attach(v, idx)} in a lambda bridge: the value stays, its index is checked. */
    private void attach(int sz) {
        // Stack: D I
        int index = shadows.temp(Type.INT_TYPE);
        e.var(ISTORE, index);
        int value = e.keepTop(Type.DOUBLE_TYPE);
        e.tape();
        e.var(ILOAD, index);
        e.var(DLOAD, value);
        e.rt("check", RuntimeContract.CHECK_DESC);
        e.var(ISTORE, shadows.stack(sz - 2));
    }

    private void invokeDynamic(InvokeDynamicInsnNode indy, int sz) {
        if (!bridges.needsBridge(indy)) {
            call(indy, indy.desc, false, sz);
            return;
        }
        Type[] captured = Type.getArgumentTypes(indy.desc);
        int first = sz - captured.length;
        for (int i = 0; i < captured.length; i++) {
            if (captured[i].getSort() == Type.DOUBLE) {
                e.var(ILOAD, shadows.stack(first + i));
            }
        }
        e.add(bridges.bridge(indy));
    }

    /**
     * Which expression forms {@code insn} consumes, settled into tape statements before it runs
     * (see {@link ExpressionForms}).
     *
     * @return the stack position from which values are plain after {@code insn}, or
     *     {@code Integer.MAX_VALUE} when {@code insn} keeps the forms itself
     */
    private int settleForms(int k, AbstractInsnNode insn, Frame<BasicValue> before, Frame<BasicValue> next) {
        int op = insn.getOpcode();
        int sz = before.getStackSize();
        if (insn instanceof LabelNode && branchTargets.contains(insn) || insn instanceof FrameNode || DeadAtBlockEnd.endsBlock(op)) {
            if (op == DRETURN) {
                forms.consumed(sz - 1); // the frame ends: its locals can no longer change the statement
            }
            forms.settleFrom(0); // forms never cross a frame (labels of line numbers have none)
            forms.forgetKept();
            elements.forgetAll();
            return 0;
        }
        switch (op) {
            case DSTORE: {
                int v = ((VarInsnNode) insn).var;
                boolean alone = true;
                for (int q = 0; q < sz - 1; q++) {
                    alone &= before.getStack(q) != BasicValue.DOUBLE_VALUE;
                }
                if (keepTemporaries && loadsInBlock[k] >= 0 && forms.keepable(sz - 1, v, alone, loadsInBlock[k])) {
                    forms.stored(v);
                    forms.keepInLocal(sz - 1, v);
                    return sz - 1;
                }
                forms.settleInto(sz - 1, v, alone);
                forms.stored(v);
                return sz - 1;
            }
            case -1:
            case DADD: case DSUB: case DMUL: case DDIV: case DNEG:
                return Integer.MAX_VALUE;
            case DASTORE:
                storesFreshForm = forms.isForm(sz - 1);
                if (storesFreshForm && compounds.isStore(insn)) {
                    forms.settleIntoElement(sz - 1);
                }
                forms.settleFrom(Math.max(0, sz - 4));
                return Math.max(0, sz - 4);
            case DCMPL: case DCMPG:
                return sz - 2; // a compared value needs no index: the forms are dropped
            case POP:
                return sz - 1;
            case POP2:
                return before.getStack(sz - 1).getSize() == 2 ? sz - 1 : sz - 2;
            case DUP: case DUP_X1: case DUP_X2: case DUP2: case DUP2_X1: case DUP2_X2: case SWAP:
                forms.settleFrom(sz - 4);
                return Math.max(0, sz - 4);
            default:
                break;
        }
        if (FreshTemporaries.isPurePush(op)) {
            return sz;
        }
        // Any other instruction pushes at most one value, so it leaves positions below
        // (stack size after it) - 1 untouched.
        int from = next == null ? 0 : Math.max(0, next.getStackSize() - 1);
        if (isElementary(insn)) {
            forms.consumed(from); // it records a statement that refers to its operands' indices
        }
        forms.settleFrom(from);
        return from;
    }

    /** DREM and calls to elementary functions or declared rules: they never pass an index on as it is. */
    private static boolean isElementary(AbstractInsnNode insn) {
        if (FreshTemporaries.isOperation(insn)) {
            return true;
        }
        if (insn.getOpcode() != INVOKESTATIC) {
            return false;
        }
        MethodInsnNode m = (MethodInsnNode) insn;
        return ElementaryCalls.rule(m.owner, m.name, m.desc) >= 0;
    }

    private static boolean pushesConstant(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case DCONST_0: case DCONST_1: case I2D: case L2D: case F2D:
                return true;
            case LDC:
                return ((LdcInsnNode) insn).cst instanceof Double;
            default:
                return false;
        }
    }

    /**
     * DADD, DSUB, DMUL, DDIV and DNEG extend the expression form of their operands with inline
     * partials and record nothing, except in an elementary recording ({@code Rt.xadd} ...).
     */
    private void arithmetic(AbstractInsnNode insn, String name, int sz) {
        boolean unary = insn.getOpcode() == DNEG;
        if (!expressionForms) {
            operation(insn, "d" + name, unary ? "(D)D" : "(DD)D", sz);
            return;
        }
        int base = sz - (unary ? 1 : 2);
        if (!unary) {
            forms.makeRoom(base);
        }
        Type[] params = unary ? new Type[] {Type.DOUBLE_TYPE} : new Type[] {Type.DOUBLE_TYPE, Type.DOUBLE_TYPE};
        int[] temps = e.spill(params, 0);
        e.add(insn);
        e.op(DUP2);
        e.var(DSTORE, shadows.formValue(base));
        e.tape();
        e.var(ILOAD, forms.elementaryIndex(base));
        if (!unary) {
            e.var(ILOAD, forms.elementaryIndex(base + 1));
        }
        for (int temp : temps) {
            e.var(DLOAD, temp);
        }
        e.var(DLOAD, shadows.formValue(base));
        e.rt("x" + name, RuntimeContract.helperDesc(unary ? "(D)D" : "(DD)D"));
        e.var(ISTORE, shadows.formElementary(base));
        forms.combine(insn.getOpcode(), base, temps[0], unary ? -1 : temps[1]);
        fresh.produced(base);
    }

    /**
     * An operation with a derivative helper: operands are parked in temps so that both the
     * original instruction and the helper see them; the helper gets the operand indices, the
     * operands and the result, and returns the result's index.
     */
    private void operation(AbstractInsnNode insn, String helper, String desc, int sz) {
        Type[] params = Type.getArgumentTypes(desc);
        int base = sz - params.length;
        int[] temps = e.spill(params, 0);
        e.add(insn);
        int result = e.keepTop(Type.DOUBLE_TYPE);
        e.tape();
        for (int i = 0; i < params.length; i++) {
            if (params[i].getSort() == Type.DOUBLE) {
                e.var(ILOAD, shadows.stack(base + i));
                if (fresh.isFresh(base + i)) {
                    e.op(INEG);
                }
            }
        }
        for (int i = 0; i < params.length; i++) {
            e.var(params[i].getOpcode(ILOAD), temps[i]);
        }
        e.var(DLOAD, result);
        e.rt(helper, RuntimeContract.helperDesc(desc));
        e.var(ISTORE, shadows.stack(base));
        fresh.produced(base);
    }

    /** A call to a method with a user-declared rule: like {@link #operation}, plus the rule's id. */
    private void ruleCall(MethodInsnNode m, int rule, int sz) {
        Type[] params = Type.getArgumentTypes(m.desc);
        int base = sz - params.length;
        int[] temps = e.spill(params, 0);
        e.add(m);
        int result = e.keepTop(Type.DOUBLE_TYPE);
        e.tape();
        for (int i = 0; i < params.length; i++) {
            e.var(ILOAD, shadows.stack(base + i));
        }
        for (int i = 0; i < params.length; i++) {
            e.var(DLOAD, temps[i]);
        }
        e.var(DLOAD, result);
        e.intConst(rule);
        String desc = RuntimeContract.helperDesc(m.desc);
        e.rt("rule" + params.length, desc.substring(0, desc.length() - 2) + "I)I");
        e.var(ISTORE, shadows.stack(base));
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
        String callee = callee(insn);
        boolean watchArrays = losses.watchesArrays() && insn instanceof MethodInsnNode && runsUninstrumented((MethodInsnNode) insn);
        int firstDouble = -1;
        int firstWatched = -1;
        int doubles = 0;
        for (int i = 0; i < params.length; i++) {
            boolean isDouble = params[i].getSort() == Type.DOUBLE;
            if (isDouble) {
                doubles++;
                if (firstDouble < 0) {
                    firstDouble = i;
                }
            }
            if (firstWatched < 0 && (isDouble || (watchArrays && params[i].getDescriptor().equals("[D")))) {
                firstWatched = i;
            }
        }
        int[] temps = firstWatched < 0 ? null : e.spill(params, firstWatched);
        if (doubles > 0) {
            e.tape();
            e.intConst(doubles);
            e.rt("args", RuntimeContract.ARGS_DESC);
            int j = 0;
            for (int i = firstDouble; i < params.length; i++) {
                if (params[i].getSort() == Type.DOUBLE) {
                    e.tape();
                    e.intConst(j++);
                    e.var(ILOAD, shadows.stack(firstParam + i));
                    e.var(DLOAD, temps[i]);
                    e.rt("arg", RuntimeContract.ARG_DESC);
                }
            }
        }
        e.add(insn);
        if (temps != null) {
            losses.afterCall(e, where(), callee, params, temps, firstWatched, watchArrays,
                    !(insn instanceof MethodInsnNode && discreteJdkResult((MethodInsnNode) insn)));
        }
        if (Type.getReturnType(desc).getSort() == Type.DOUBLE) {
            int result = e.keepTop(Type.DOUBLE_TYPE);
            e.tape();
            e.var(DLOAD, result);
            e.rt("result", RuntimeContract.RESULT_DESC);
            e.var(ISTORE, shadows.stack(firstParam - (receiver ? 1 : 0)));
        } else if (doubles > 0) {
            e.tape();
            e.rt("afterCall", RuntimeContract.AFTER_CALL_DESC);
        }
    }

    /**
     * @return whether the call surely runs code that is not rewritten: a method of the JDK, or a
     *     static method or constructor of a class the agent does not rewrite (an instance call
     *     on such a class may still dispatch to a rewritten override, which only double
     *     arguments can tell at run time)
     */
    private boolean runsUninstrumented(MethodInsnNode m) {
        if (isJdk(m)) {
            return true;
        }
        return (m.getOpcode() == INVOKESTATIC || m.getOpcode() == INVOKESPECIAL && m.name.equals("<init>"))
                && !fields.rewrites(m.owner);
    }

    /**
     * @return whether the call is a JDK comparison or test of doubles ({@code Double.compare},
     *     also behind {@code Double::compare}; {@code Double.isNaN} and other boolean results):
     *     like a {@code DCMPL} it has no derivative to lose, so its double arguments are not
     *     reported. Conversions ({@code Math.round}, {@code doubleToRawLongBits}) still are, as
     *     casts to {@code int} are.
     */
    private static boolean discreteJdkResult(MethodInsnNode m) {
        Type result = Type.getReturnType(m.desc);
        boolean comparison = result.getSort() == Type.BOOLEAN
                || result.getSort() == Type.INT && (m.name.equals("compare") || m.name.equals("compareTo"));
        return comparison && isJdk(m);
    }

    /** @return whether the callee's class belongs to the JDK or to ad4j, which are never rewritten */
    private static boolean isJdk(MethodInsnNode m) {
        return ClassSelector.isProtected(m.owner.replace('/', '.'));
    }

    private static String callee(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode) {
            MethodInsnNode m = (MethodInsnNode) insn;
            return m.owner.replace('/', '.') + "." + m.name + m.desc;
        }
        return "invokedynamic " + ((InvokeDynamicInsnNode) insn).name;
    }

    private void arrayLoad(AbstractInsnNode insn, int sz) {
        // Stack: [D I
        if (sameElementIndex >= 0) {
            // A value on the stack or in a kept form was loaded from this element with nothing
            // in between that could change it: the same index, without a lookup and a check.
            e.add(insn);
            e.copyShadow(sameElementIndex, shadows.stack(sz - 2));
            return;
        }
        int[] temps = e.spill(new Type[] {Type.getType("[D"), Type.INT_TYPE}, 0);
        e.add(insn);
        int value = e.keepTop(Type.DOUBLE_TYPE);
        int cache = caches.of(insn);
        e.tape();
        if (cache >= 0) {
            cachedShadow(cache, temps[0]);
            e.var(ALOAD, shadows.cacheShadow(cache));
            e.var(ILOAD, temps[1]);
            e.var(DLOAD, value);
            e.rt(compounds.isLoad(insn) ? "daloadOwnAt" : "daloadAt", RuntimeContract.DALOAD_AT_DESC);
        } else {
            e.var(ALOAD, temps[0]);
            e.var(ILOAD, temps[1]);
            e.var(DLOAD, value);
            e.rt(compounds.isLoad(insn) ? "daloadOwn" : "daload", RuntimeContract.DALOAD_DESC);
        }
        e.var(ISTORE, shadows.stack(sz - 2));
    }

    /**
     * Brings shadow cache {@code cache} up to date for the array in local {@code array}: its
     * shadow slot then holds that array's shadow. The operand stack stays as it was.
     */
    private void cachedShadow(int cache, int array) {
        e.tape();
        e.var(ALOAD, array);
        e.var(ALOAD, shadows.cacheKey(cache));
        e.var(ALOAD, shadows.cacheShadow(cache));
        e.var(ILOAD, shadows.cacheEpoch(cache));
        e.add(guards.shadowAt());
        e.var(ASTORE, shadows.cacheShadow(cache));
        e.var(ALOAD, array);
        e.var(ASTORE, shadows.cacheKey(cache));
        e.tape();
        e.rt("shadowEpoch", RuntimeContract.SHADOW_EPOCH_DESC);
        e.var(ISTORE, shadows.cacheEpoch(cache));
    }

    private void arrayStore(AbstractInsnNode insn, int sz) {
        // Stack: [D I D
        int[] temps = e.spill(new Type[] {Type.getType("[D"), Type.INT_TYPE, Type.DOUBLE_TYPE}, 0);
        e.add(insn);
        int cache = caches.of(insn);
        e.tape();
        e.var(ALOAD, temps[0]);
        if (cache >= 0) {
            cachedShadow(cache, temps[0]);
            e.var(ALOAD, shadows.cacheShadow(cache));
            e.var(ILOAD, temps[1]);
            e.var(ILOAD, shadows.stack(sz - 1));
            e.add(guards.dastoreAt());
        } else {
            e.var(ILOAD, temps[1]);
            e.var(ILOAD, shadows.stack(sz - 1));
            e.rt("dastore", RuntimeContract.DASTORE_DESC);
        }
        if (storesFreshForm) {
            e.tape();
            e.var(ILOAD, shadows.stack(sz - 1));
            e.rt("ownElement", RuntimeContract.OWN_ELEMENT_DESC);
        }
    }

    private void shuffle(List<int[]> pairs) {
        for (int[] p : pairs) {
            e.var(ILOAD, shadows.stack(p[1]));
        }
        for (int i = pairs.size() - 1; i >= 0; i--) {
            e.var(ISTORE, shadows.stack(pairs.get(i)[0]));
        }
    }
}
