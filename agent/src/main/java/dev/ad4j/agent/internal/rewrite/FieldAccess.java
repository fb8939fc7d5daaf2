package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import java.util.function.Supplier;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;

/**
 * Double fields of rewritten classes have a companion {@code int} field holding the index.
 * Writes store the value's index beside it; reads are checked against the value, so an index
 * left by an earlier recording, or a value written by code that is not rewritten, reads as
 * passive. Fields of other classes are passive, and an active value stored into one is a loss
 * the diagnostics report.
 */
final class FieldAccess {

    private final Emitter e;
    private final FieldOwners fields;
    private final LossReporting losses;

    FieldAccess(Emitter e, FieldOwners fields, LossReporting losses) {
        this.e = e;
        this.fields = fields;
        this.losses = losses;
    }

    /** Emits {@code f} with its index bookkeeping; {@code sz} is the stack size before it. */
    void emit(FieldInsnNode f, int sz, Supplier<String> where) {
        if (!f.desc.equals("D")) {
            e.add(f);
            return;
        }
        boolean companion = fields.hasCompanion(f.owner, f.name);
        String name = FieldOwners.companion(f.name);
        ShadowLocals shadows = e.shadows;
        switch (f.getOpcode()) {
            case GETSTATIC:
            case GETFIELD: {
                boolean isStatic = f.getOpcode() == GETSTATIC;
                int valuePos = isStatic ? sz : sz - 1;
                if (!companion) {
                    e.add(f);
                    e.passive(valuePos);
                    return;
                }
                int index = shadows.temp(Type.INT_TYPE);
                if (!isStatic) {
                    e.op(DUP);
                }
                e.add(new FieldInsnNode(f.getOpcode(), f.owner, name, "I"));
                e.var(ISTORE, index);
                e.add(f);
                int value = e.keepTop(Type.DOUBLE_TYPE);
                e.tape();
                e.var(ILOAD, index);
                e.var(DLOAD, value);
                e.rt("check", RuntimeContract.CHECK_DESC);
                e.var(ISTORE, shadows.stack(valuePos));
                return;
            }
            case PUTSTATIC:
                if (companion) {
                    e.var(ILOAD, shadows.stack(sz - 1));
                    e.add(new FieldInsnNode(PUTSTATIC, f.owner, name, "I"));
                } else {
                    lost(f, sz, where);
                }
                e.add(f);
                return;
            default: // PUTFIELD
                if (companion) {
                    // Stack: obj D -> obj -> obj obj idx -> obj -> obj D
                    int value = shadows.temp(Type.DOUBLE_TYPE);
                    e.var(DSTORE, value);
                    e.op(DUP);
                    e.var(ILOAD, shadows.stack(sz - 1));
                    e.add(new FieldInsnNode(PUTFIELD, f.owner, name, "I"));
                    e.var(DLOAD, value);
                } else {
                    lost(f, sz, where);
                }
                e.add(f);
        }
    }

    private void lost(FieldInsnNode f, int sz, Supplier<String> where) {
        losses.value(e, where.get(), e.shadows.stack(sz - 1), "active value stored into field "
                + f.owner.replace('/', '.') + "." + f.name + ", whose class is not rewritten");
    }
}
