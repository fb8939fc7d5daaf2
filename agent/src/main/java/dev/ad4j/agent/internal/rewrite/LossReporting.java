package dev.ad4j.agent.internal.rewrite;

import static org.objectweb.asm.Opcodes.*;

import dev.ad4j.Diagnostics;
import org.objectweb.asm.Type;

/**
 * What the rewriter emits at places where an active value can lose its derivative. Without
 * diagnostics nothing (no cost); with {@code diagnostics=true} each such place is registered
 * with {@link Diagnostics} and checked at run time, so that the first time it actually loses an
 * active value it is reported with class, method and line.
 */
interface LossReporting {

    /** Emits nothing. */
    LossReporting NONE = new LossReporting() {
        @Override
        public boolean watchesArrays() {
            return false;
        }

        @Override
        public void afterCall(Emitter e, String where, String callee, Type[] params, int[] temps, int from,
                boolean arrays, boolean doubles) {
        }

        @Override
        public void value(Emitter e, String where, int indexSlot, String what) {
        }

        @Override
        public void returnValue(Emitter e, String where) {
            e.rt("ret", RuntimeContract.RET_DESC);
        }
    };

    /** Registers each place and checks it at run time. */
    LossReporting DIAGNOSTICS = new LossReporting() {
        @Override
        public boolean watchesArrays() {
            return true;
        }

        @Override
        public void afterCall(Emitter e, String where, String callee, Type[] params, int[] temps, int from,
                boolean arrays, boolean reportDoubles) {
            boolean doubles = false;
            for (int i = from; i < params.length; i++) {
                doubles |= reportDoubles && params[i].getSort() == Type.DOUBLE;
                if (arrays && params[i].getDescriptor().equals("[D")) {
                    e.tape();
                    e.var(ALOAD, temps[i]);
                    e.intConst(Diagnostics.register(where, "array with active elements passed to " + callee
                            + ", which is not instrumented"));
                    e.rt("lostArray", "(" + RuntimeContract.TAPE_DESC + "[DI)V");
                }
            }
            if (doubles) {
                e.tape();
                e.intConst(Diagnostics.register(where, "active argument passed to " + callee
                        + ", which is not instrumented"));
                e.rt("lostArgs", "(" + RuntimeContract.TAPE_DESC + "I)V");
            }
        }

        @Override
        public void value(Emitter e, String where, int indexSlot, String what) {
            e.tape();
            e.var(ILOAD, indexSlot);
            e.intConst(Diagnostics.register(where, what));
            e.rt("lost", "(" + RuntimeContract.TAPE_DESC + "II)V");
        }

        @Override
        public void returnValue(Emitter e, String where) {
            e.intConst(Diagnostics.register(where, "active value returned to code that is not instrumented"
                    + " (a JDK stream, collection or other callback took it)"));
            e.rt("retWatched", "(" + RuntimeContract.TAPE_DESC + "IDI)V");
        }
    };

    /** @return whether double[] arguments of calls into code that is not rewritten are checked */
    boolean watchesArrays();

    /**
     * After a call: reports active arguments that no instrumented callee took.
     *
     * @param temps the temps holding the arguments {@code params[from..]}
     * @param arrays whether the callee is known not to be instrumented, so that its double[]
     *     arguments with active elements are reported too (only double arguments have a run-time
     *     check of whether an instrumented callee took them; an array spilled because a double
     *     precedes it must not be reported on its own)
     * @param doubles whether double arguments no callee took are reported (not for a JDK
     *     comparison or test: it has no derivative to lose)
     */
    void afterCall(Emitter e, String where, String callee, Type[] params, int[] temps, int from, boolean arrays,
            boolean doubles);

    /** Before an instruction that drops the derivative of the value whose index is in {@code indexSlot}. */
    void value(Emitter e, String where, int indexSlot, String what);

    /**
     * Completes a DRETURN's bookkeeping: the tape, the index and the value are on the stack;
     * under diagnostics, an active return that no instrumented caller takes is reported.
     */
    void returnValue(Emitter e, String where);
}
