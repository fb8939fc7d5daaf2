package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * JDK methods that move doubles without computing with them — array copies, fills and sorts,
 * boxing — and so must carry indices along: after (or, for sorts, instead of) the real call,
 * the runtime updates the shadows.
 */
final class JdkCalls {

    private static final String DA = "[D";
    private static final String ARRAYS = "java/util/Arrays";

    private JdkCalls() {
    }

    /** @return whether {@link #emit} handles the call */
    static boolean handles(MethodInsnNode m) {
        switch (m.owner) {
            case "java/lang/System":
                return m.name.equals("arraycopy");
            case DA:
                return m.name.equals("clone");
            case ARRAYS:
                return (m.name.equals("copyOf") && m.desc.equals("([DI)[D"))
                        || (m.name.equals("copyOfRange") && m.desc.equals("([DII)[D"))
                        || (m.name.equals("fill") && (m.desc.equals("([DD)V") || m.desc.equals("([DIID)V")))
                        || (m.name.equals("sort") && (m.desc.equals("([D)V") || m.desc.equals("([DII)V")));
            case "java/lang/Double":
                return (m.name.equals("valueOf") && m.desc.equals("(D)Ljava/lang/Double;"))
                        || (m.name.equals("doubleValue") && m.desc.equals("()D"));
            case "java/lang/Number":
                return m.name.equals("doubleValue") && m.desc.equals("()D");
            default:
                return false;
        }
    }

    /** Emits the call with its shadow bookkeeping; {@code sz} is the stack size before it. */
    static void emit(Emitter e, MethodInsnNode m, int sz) {
        Type[] params = Type.getArgumentTypes(m.desc);
        switch (m.name) {
            case "arraycopy": {
                int[] t = e.spill(params, 0);
                e.add(m);
                e.tape();
                for (int i = 0; i < params.length; i++) {
                    e.var(params[i].getOpcode(ILOAD), t[i]);
                }
                e.rt("arraycopy", RuntimeContract.ARRAYCOPY_DESC);
                return;
            }
            case "clone": {
                int src = e.shadows.temp(Type.getType(DA));
                e.op(DUP);
                e.var(ASTORE, src);
                e.add(m);
                int copy = e.keepTop(Type.getType(Object.class));
                copied(e, src, -1, copy);
                return;
            }
            case "copyOf":
            case "copyOfRange": {
                int[] t = e.spill(params, 0);
                e.add(m);
                int copy = e.keepTop(Type.getType(DA));
                copied(e, t[0], m.name.equals("copyOf") ? -1 : t[1], copy);
                return;
            }
            case "fill": {
                int valuePos = sz - 1;
                int[] t = e.spill(params, 0);
                e.add(m);
                e.tape();
                e.var(ALOAD, t[0]);
                if (params.length == 2) {
                    e.op(ICONST_0);
                    e.var(ALOAD, t[0]);
                    e.op(ARRAYLENGTH);
                } else {
                    e.var(ILOAD, t[1]);
                    e.var(ILOAD, t[2]);
                }
                e.var(ILOAD, e.shadows.stack(valuePos));
                e.rt("fill", "(" + RuntimeContract.TAPE_DESC + "[DIII)V");
                return;
            }
            case "sort": {
                // The runtime sorts and permutes the shadow with the values.
                int[] t = e.spill(params, 0);
                for (int i = 0; i < params.length; i++) {
                    e.op(params[i].getSize() == 2 ? POP2 : POP);
                }
                e.tape();
                for (int i = 0; i < params.length; i++) {
                    e.var(params[i].getOpcode(ILOAD), t[i]);
                }
                e.rt("sort", "(" + RuntimeContract.TAPE_DESC + m.desc.substring(1));
                return;
            }
            case "valueOf": {
                int valuePos = sz - 1;
                e.add(m);
                int box = e.keepTop(Type.getType(Object.class));
                e.tape();
                e.var(ALOAD, box);
                e.var(ILOAD, e.shadows.stack(valuePos));
                e.rt("box", "(" + RuntimeContract.TAPE_DESC + "Ljava/lang/Object;I)V");
                return;
            }
            case "doubleValue": {
                int box = e.shadows.temp(Type.getType(Object.class));
                e.op(DUP);
                e.var(ASTORE, box);
                e.add(m);
                int value = e.keepTop(Type.DOUBLE_TYPE);
                e.tape();
                e.var(ALOAD, box);
                e.var(DLOAD, value);
                e.rt("unbox", "(" + RuntimeContract.TAPE_DESC + "Ljava/lang/Object;D)I");
                e.var(ISTORE, e.shadows.stack(sz - 1));
                return;
            }
            default:
                throw new IllegalStateException("not a handled JDK call: " + m.owner + "." + m.name);
        }
    }

    /** {@code copy} got {@code src[from..]}; {@code fromTemp < 0} means from 0. */
    private static void copied(Emitter e, int srcTemp, int fromTemp, int copyTemp) {
        e.tape();
        e.var(ALOAD, srcTemp);
        if (fromTemp < 0) {
            e.op(ICONST_0);
        } else {
            e.var(ILOAD, fromTemp);
        }
        e.var(ALOAD, copyTemp);
        e.add(new TypeInsnNode(CHECKCAST, DA));
        e.rt("copyOf", "(" + RuntimeContract.TAPE_DESC + "[DI[D)V");
    }
}
