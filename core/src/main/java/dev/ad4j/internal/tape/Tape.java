package dev.ad4j.internal.tape;

import dev.ad4j.ADException;
import dev.ad4j.NestedRecordingException;
import dev.ad4j.TapeBudgetExceededException;
import dev.ad4j.TapeStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The tape of one thread: flat primitive arrays, one statement per recorded operation, never
 * one object per operation.
 *
 * <p>Statements are numbered by 1-based <em>positions</em>; the tape <em>index</em> that
 * instrumented code carries is {@code base + position}. {@code base} grows across recordings
 * of the same tape, so an index left in the heap by an earlier recording is out of range and
 * rejected by {@link #check}. Index 0 always means passive.
 *
 * <p>Per statement {@code s} (1-based): {@code end[s]} is the end offset of its arguments in
 * {@code argPos}/{@code partial} (they start at {@code end[s-1]}), {@code value[s]} the primal,
 * {@code op[s]} the op code with its active-operand mask ({@link Op}). Per argument: the
 * position of the argument statement and the local partial derivative.
 *
 * <p>A tape belongs to one thread ({@link #owner}); only that thread may record on it.
 *
 * <p><b>Second order.</b> A recording started with {@link #beginSecondOrder()} never folds
 * operations into expression statements (every statement is one elementary operation) and also
 * keeps the non-zero entries of each statement's local Hessian: per entry the statement, the
 * positions of the two arguments it pairs ({@code 0} as the second one marks a diagonal entry)
 * and the second partial ({@code rec1h}, {@code rec2h}, {@code rec3h}). Statements recorded with
 * the plain {@code rec1/rec2/rec3} in that mode are linear in their arguments.
 */
public final class Tape {
    /** Bytes per statement: end offset (int), value (double), op (short). */
    static final int STMT_BYTES = 4 + 8 + 2;
    /** Bytes per argument: position (int), partial (double). */
    static final int ARG_BYTES = 4 + 8;
    /** Bytes per second-order entry: statement, two argument positions (ints), second partial (double). */
    static final int SECOND_BYTES = 4 + 4 + 4 + 8;
    private static final int[] NO_INTS = new int[0];
    private static final double[] NO_DOUBLES = new double[0];
    /**
     * Statements a new tape holds before it first grows (twice as many arguments): 2.4 MB. A tape
     * that grows while a loop records leaves the growth's call in that loop's compiled code for
     * good (the JIT profile saw the branch taken, and profiles are shared by all callers of the
     * tape's helpers), and a loop with a call in it reloads every field of the tape on each
     * iteration: logistic regression's gradient took twice as long, the MLP's 1.3 times. So a
     * tape starts at a size most gradients fit in, as CoDiPack's tapes start with large chunks.
     */
    static final int START_STMTS = 1 << 16;
    /** The least a tape starts with, when the memory budget cannot afford {@link #START_STMTS}. */
    private static final int MIN_START_STMTS = 1024;
    /**
     * Capacity always kept between recordings; {@link #end()} releases more only when the
     * recording used less than a quarter of it.
     */
    private static final int RETAINED_STMTS = 1 << 20;

    private static final ThreadLocal<Tape> TAPES = new ThreadLocal<>();
    private static volatile long defaultMaxBytes = initialBudget();

    /** Number of threads currently recording; read plainly on the fast path of {@code Rt.enter}. */
    private static int recordingThreads;
    private static final VarHandle RECORDING_THREADS;

    static {
        try {
            RECORDING_THREADS = MethodHandles.lookup().findStaticVarHandle(Tape.class, "recordingThreads", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread that owns this tape. */
    public final Thread owner;

    private boolean recording;
    private int base;
    private int size;
    private int[] end;
    private double[] value;
    private short[] op;
    private int nargs;
    private int[] argPos;
    private double[] partial;
    /** The adjoints of the last reverse sweep, kept for the next ({@link #adjoints}); null if none. */
    private double[] adjoints;
    /** The indices of the last recording's inputs, kept for the next ({@link #inputIndices}); null if none. */
    private int[] inputIndices;

    // Second order (beginSecondOrder): local Hessian entries, in statement order.
    private boolean secondOrder;
    /**
     * One statement per elementary operation, never folded: in second order, and while recording
     * for traces (as in the survey's tables). One field: rewritten code tests it at every operation.
     */
    private boolean elementary;
    /** Statements at or below this position take no more arguments (see {@link #appendable}). */
    private int appendFloor;
    private ADException secondOrderFailure;
    private int nsecond;
    private int[] secondStmt = NO_INTS;
    private int[] secondA = NO_INTS;
    private int[] secondB = NO_INTS;
    private double[] secondValue = NO_DOUBLES;

    private long maxBytes;
    private long peakBytes;
    private long entries;
    private ShadowMap shadows = new ShadowMap();
    /*
     * Arrays read recently, with their shadows (null: none) and the shadow epoch they were found
     * at, in a direct-mapped cache by identity hash: the small methods of ODE right-hand sides
     * and mixture models look up three or four arrays per call, in turn, and find them here
     * without a call; see shadow(Object).
     */
    private Object lastKey;
    private int[] lastShadow;
    private static final int READS = 32;
    private final Object[] readKeys = new Object[READS];
    private final int[][] readShadows = new int[READS][];
    private final int[] readEpochs = new int[READS];
    private boolean readsCached;
    /** Moves whenever an array gets, changes or loses its shadow: shadows remembered at an older epoch are stale. */
    private int shadowEpoch;
    /**
     * The statement whose index only one array element holds (0: none): recorded for a store into
     * that element and read back since only by the element's own compound assignment
     * ({@code a[i] += ...}), which may then append to it; see {@link #ownElement}.
     */
    private int elementOwned;

    // Checkpointing: suspended recording, externals, local regions (see the section at the end).
    private int suspended;
    private ShadowMap outerShadows;
    private int externalCount;
    private int[] externalFirst = new int[4];
    private External[] externals = new External[4];

    // Call registers: arguments of the pending call and the return value of the last call.
    private int argCount;
    private int[] regIdx = new int[8];
    private double[] regVal = new double[8];
    private boolean retSet;
    /** Diagnostics: the place of the pending active return, or -1. */
    private int retSite = -1;
    private final double[] recentBoxVal = new double[4];
    private final int[] recentBoxIdx = new int[4];
    private int recentBox;
    private int retIdx;
    private double retVal;

    private Tape(Thread owner) {
        this.owner = owner;
        allocateStart(defaultMaxBytes);
    }

    /** The calling thread's tape, created on first use. */
    public static Tape forCurrentThread() {
        Tape t = TAPES.get();
        if (t == null) {
            t = new Tape(Thread.currentThread());
            TAPES.set(t);
        }
        return t;
    }

    /** The calling thread's tape if it exists, else null (never creates one). */
    public static Tape currentOrNull() {
        return TAPES.get();
    }

    /** Whether any thread is recording (plain read: a stale answer only costs a slow path). */
    public static boolean anyRecording() {
        return recordingThreads != 0;
    }

    /** Global default budget in bytes for tapes that begin recording from now on. */
    public static long defaultMaxBytes() {
        return defaultMaxBytes;
    }

    /** Sets the global default budget in bytes; must be positive. */
    public static void setDefaultMaxBytes(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("tape budget must be positive: " + bytes);
        }
        defaultMaxBytes = bytes;
    }

    /**
     * Parses a size with an optional {@code k}, {@code m} or {@code g} suffix (powers of 1024,
     * case-insensitive, an optional trailing {@code b}): {@code "512m"}, {@code "2g"}, {@code "100000"}.
     */
    public static long parseBytes(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("b") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        long unit = 1;
        if (!s.isEmpty()) {
            switch (s.charAt(s.length() - 1)) {
                case 'k' -> unit = 1L << 10;
                case 'm' -> unit = 1L << 20;
                case 'g' -> unit = 1L << 30;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits.trim());
            if (n <= 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed size '" + spec
                    + "': expected a positive number with an optional k, m or g suffix, e.g. 512m");
        }
    }

    private static long initialBudget() {
        String p = System.getProperty("ad4j.maxTape");
        if (p != null && !p.isBlank()) {
            return parseBytes(p);
        }
        // Half the heap: the budget must trip before the JVM throws OutOfMemoryError.
        return Math.max(1L << 20, Runtime.getRuntime().maxMemory() / 2);
    }

    // ------------------------------------------------------------------ recording lifecycle

    /**
     * Starts a recording. Throws {@link NestedRecordingException} if this tape is already
     * recording (nested recordings are not supported in this version).
     */
    public void begin() {
        if (Thread.currentThread() != owner) {
            throw new ADException("the tape of thread " + owner.getName() + " was used by thread "
                    + Thread.currentThread().getName() + ": each thread records on its own tape");
        }
        if (recording) {
            throw new NestedRecordingException(owner);
        }
        long next = (long) base + size;
        // Keep room for ~1G statements after base; wrapping re-admits very old indices only
        // if their value bits also match (see check).
        base = next > (Integer.MAX_VALUE >> 1) ? 0 : (int) next;
        size = 0;
        nargs = 0;
        nsecond = 0;
        secondOrder = false;
        elementary = false;
        appendFloor = 0;
        elementOwned = 0;
        secondOrderFailure = null;
        end[0] = 0;
        entries = 0;
        maxBytes = defaultMaxBytes;
        peakBytes = 0;
        retSite = -1; // a lost return of an earlier recording was reported when it ended
        clearRegisters();
        clearShadows();
        Arrays.fill(recentBoxIdx, 0);
        suspended = 0;
        outerShadows = null;
        clearExternals(0);
        if (allocatedBytes() > maxBytes) {
            // Capacity kept from a larger recording must not count against a smaller budget.
            allocateStart(maxBytes);
        }
        recording = true;
        RECORDING_THREADS.getAndAdd(1);
    }

    /**
     * Starts a second-order recording (for Hessians): like {@link #begin()}, but operations are
     * never folded and helpers record their second partials too ({@link #secondOrder()}).
     */
    public void beginSecondOrder() {
        begin();
        secondOrder = true;
        elementary = true;
    }

    /**
     * Records one statement per operation in this recording (no folding of expressions), so that
     * traces and graphs show every elementary operation.
     */
    public void recordEveryOperation() {
        elementary = true;
    }

    /**
     * Whether this recording needs one statement per elementary operation (second order,
     * traces). Rewritten code then records each arithmetic operation on its own ({@code Rt.xadd}
     * and friends) instead of one statement per expression ({@code Rt.expr1} ...).
     */
    @AlwaysInline
    public boolean elementary() {
        return elementary;
    }

    /** Whether the current (or last) recording keeps second partials. */
    public boolean secondOrder() {
        return secondOrder;
    }

    /**
     * An operation that has no second partials was reached in a second-order recording: returns
     * the exception to throw, and remembers it so that {@link #checkSecondOrder()} reports it even
     * if the recorded code catches it.
     */
    public ADException secondOrderUnsupported(String message) {
        ADException e = new ADException(message);
        if (secondOrderFailure == null) {
            secondOrderFailure = e;
        }
        return e;
    }

    /** Throws the first {@link #secondOrderUnsupported} failure of this recording, if any. */
    public void checkSecondOrder() {
        if (secondOrderFailure != null) {
            throw secondOrderFailure;
        }
    }

    /** Ends the recording: drops array shadows and registers; the statements stay readable until the next {@link #begin()}. */
    public void end() {
        if (!recording) {
            return;
        }
        recording = false;
        RECORDING_THREADS.getAndAdd(-1);
        if (outerShadows != null) {
            useShadows(outerShadows);
            outerShadows = null;
        }
        suspended = 0;
        clearShadows();
        Arrays.fill(recentBoxIdx, 0);
        clearRegisters();
        if (end.length > RETAINED_STMTS + 1 && 4L * size < end.length) {
            // A huge tape that this recording used a quarter of or more keeps its capacity: the
            // next recording (an optimizer's next gradient) would regrow it by copying, and
            // trimming costs a copy of the used part too (100 ms a call for a 0.8 GB tape).
            // Mostly idle capacity goes back to the GC; the statements stay readable.
            int keepS = Math.max(size, START_STMTS);
            int keepA = Math.max(nargs, 2 * START_STMTS);
            end = Arrays.copyOf(end, keepS + 1);
            value = Arrays.copyOf(value, keepS + 1);
            op = Arrays.copyOf(op, keepS + 1);
            argPos = Arrays.copyOf(argPos, keepA);
            partial = Arrays.copyOf(partial, keepA);
        }
        if (adjoints != null && adjoints.length > end.length) {
            adjoints = null; // kept only while the statements it served are
        }
        if (inputIndices != null && inputIndices.length > end.length) {
            inputIndices = null;
        }
        if (secondValue.length > RETAINED_STMTS) {
            secondStmt = Arrays.copyOf(secondStmt, nsecond);
            secondA = Arrays.copyOf(secondA, nsecond);
            secondB = Arrays.copyOf(secondB, nsecond);
            secondValue = Arrays.copyOf(secondValue, nsecond);
        }
    }

    /** Whether a recording is in progress and not {@linkplain #suspend() suspended}. */
    public boolean isRecording() {
        return recording && suspended == 0;
    }

    /** Counts one entry into instrumented code (called by {@code Rt.enter}). */
    public void countEntry() {
        entries++;
    }

    /** Entries into instrumented code since {@link #begin()}. */
    public long entries() {
        return entries;
    }

    // ------------------------------------------------------------------ recording statements

    /** Records an independent variable and returns its index. */
    public int input(double v) {
        room(1, 0);
        return close(Op.INPUT, v);
    }

    /**
     * Records each element of {@code v} as an independent variable, in order, and writes their
     * indices into {@code indices}. One capacity check for all: a gradient of a million inputs
     * records them in one pass.
     */
    public void inputs(double[] v, int[] indices) {
        int n = v.length;
        room(n, 0);
        // One simple loop per array, which the JIT vectorizes (a close() per input, field
        // updates and all, measured 15% slower for 10^5 inputs than even one loop for all four).
        int first = size + 1;
        Arrays.fill(end, first, first + n, nargs);
        System.arraycopy(v, 0, value, first, n);
        Arrays.fill(op, first, first + n, (short) Op.INPUT);
        int idx = base + first;
        for (int i = 0; i < n; i++) {
            indices[i] = idx + i;
        }
        size += n;
    }

    /**
     * An array of {@code n} ints for the indices of {@code n} inputs ({@link #inputs}), the same
     * one from one recording to the next with as many inputs. It becomes the shadow of the
     * recording's copy of its inputs, which {@link #end()} forgets, so it is free again after
     * the recording; a shadow is as long as its array, so other counts get a new one.
     */
    public int[] inputIndices(int n) {
        int[] a = inputIndices;
        if (a == null || a.length != n) {
            a = new int[n];
            inputIndices = a;
        }
        return a;
    }

    /** Records {@code r = op(a)} with partial {@code pa}; returns 0 if {@code ia} is 0. */
    public int rec1(int opCode, int ia, double pa, double r) {
        if (ia == 0) {
            return 0;
        }
        if (ia < 0) {
            if (-ia - base == size && !elementary) {
                return fold(-ia, pa, 0, 0, r);
            }
            ia = -ia;
        }
        room(1, 1);
        argPos[nargs] = ia - base;
        partial[nargs++] = pa;
        return close(opCode | 1 << 8, r);
    }

    /** Records {@code r = op(a, b)}; passive (0) operands are skipped; returns 0 if both are. */
    public int rec2(int opCode, int ia, double pa, int ib, double pb, double r) {
        if ((ia | ib) == 0) {
            return 0;
        }
        if ((ia | ib) < 0) {
            if (ia < 0 && -ia - base == size && !elementary) {
                return fold(-ia, pa, Math.abs(ib), pb, r);
            }
            if (ib < 0 && -ib - base == size && !elementary) {
                return fold(-ib, pb, Math.abs(ia), pa, r);
            }
            ia = Math.abs(ia);
            ib = Math.abs(ib);
        }
        room(1, 2);
        int mask = 0;
        if (ia != 0) {
            argPos[nargs] = ia - base;
            partial[nargs++] = pa;
            mask = 1;
        }
        if (ib != 0) {
            argPos[nargs] = ib - base;
            partial[nargs++] = pb;
            mask |= 2;
        }
        return close(opCode | mask << 8, r);
    }

    /** Records {@code r = op(a, b, c)}; passive (0) operands are skipped; returns 0 if all are. */
    public int rec3(int opCode, int ia, double pa, int ib, double pb, int ic, double pc, double r) {
        if ((ia | ib | ic) == 0) {
            return 0;
        }
        ia = Math.abs(ia);
        ib = Math.abs(ib);
        ic = Math.abs(ic);
        room(1, 3);
        int mask = 0;
        if (ia != 0) {
            argPos[nargs] = ia - base;
            partial[nargs++] = pa;
            mask = 1;
        }
        if (ib != 0) {
            argPos[nargs] = ib - base;
            partial[nargs++] = pb;
            mask |= 2;
        }
        if (ic != 0) {
            argPos[nargs] = ic - base;
            partial[nargs++] = pc;
            mask |= 4;
        }
        return close(opCode | mask << 8, r);
    }

    /**
     * Makes room for one statement with up to {@code n} arguments; the rewriter's expression
     * statements are then written by {@link #term} and {@link #closeExpr}.
     */
    public void reserve(int n) {
        room(1, n);
    }

    /**
     * Whether statement {@code idx} may take more arguments ({@link #reopen}): it is the newest
     * expression statement and no local region or recording started after it.
     */
    public boolean appendable(int idx) {
        int p = idx - base;
        return p == size && p > appendFloor && op[p] == Op.EXPR;
    }

    /**
     * Reopens the newest statement for up to {@code n} more arguments ({@link #term}); the
     * rewriter does this for {@code s += expression} when no other value can hold the index of
     * {@code s}, so that an accumulation is one statement with a long argument list.
     */
    public void reopen(int n) {
        room(0, n);
    }

    /** Closes the statement reopened by {@link #reopen}: it now has the primal {@code r}. */
    public int closeAppend(double r) {
        end[size] = nargs;
        value[size] = r;
        return base + size;
    }

    /**
     * Appends argument {@code idx} (skipped when passive) with partial {@code c} to the open
     * statement. Kept minimal so that the JIT inlines the helpers that call it; the rewriter
     * already adds up the partials of leaves loaded from the same local ({@code a * a}).
     */
    public void term(int idx, double c) {
        if (idx != 0) {
            int n = nargs;
            argPos[n] = idx - base;
            partial[n] = c;
            nargs = n + 1;
        }
    }

    /** Closes the statement opened by {@link #reserve}: its primal is {@code r}; returns its index. */
    public int closeExpr(double r) {
        return close(Op.EXPR, r);
    }

    /**
     * Records a statement with {@code n} arguments ({@code idx[k]}, {@code partials[k]});
     * passive entries are skipped; returns 0 if all are passive.
     */
    public int recN(int opCode, int[] idx, double[] partials, int n, double r) {
        int active = 0;
        for (int k = 0; k < n; k++) {
            if (idx[k] != 0) {
                active++;
            }
        }
        if (active == 0) {
            return 0;
        }
        room(1, active);
        int mask = 0;
        for (int k = 0; k < n; k++) {
            if (idx[k] != 0) {
                argPos[nargs] = Math.abs(idx[k]) - base;
                partial[nargs++] = partials[k];
                if (k < 8) {
                    mask |= 1 << k;
                }
            }
        }
        return close(opCode | mask << 8, r);
    }

    // ------------------------------------------------------------------ second-order statements

    /**
     * Second-order mode: records {@code r = op(a)} with partial {@code pa} and second partial
     * {@code haa}; negative (fresh temporary) indices are taken as they are, never folded.
     */
    public int rec1h(int opCode, int ia, double pa, double haa, double r) {
        ia = Math.abs(ia);
        int idx = rec1(opCode, ia, pa, r);
        if (idx != 0 && haa != 0) {
            second(idx, ia, 0, haa);
        }
        return idx;
    }

    /**
     * Second-order mode: records {@code r = op(a, b)} with partials ({@code pa}, {@code pb}) and
     * second partials ({@code haa}, {@code hab}, {@code hbb}); entries that involve a passive
     * operand are not recorded (callers need not compute them).
     */
    public int rec2h(int opCode, int ia, double pa, int ib, double pb, double haa, double hab, double hbb, double r) {
        ia = Math.abs(ia);
        ib = Math.abs(ib);
        int idx = rec2(opCode, ia, pa, ib, pb, r);
        if (idx != 0) {
            if (ia != 0 && haa != 0) {
                second(idx, ia, 0, haa);
            }
            if (ia != 0 && ib != 0 && hab != 0) {
                second(idx, ia, ib, hab);
            }
            if (ib != 0 && hbb != 0) {
                second(idx, ib, 0, hbb);
            }
        }
        return idx;
    }

    /**
     * Second-order mode: records {@code r = op(a, b, c)} with partials and the mixed second
     * partials {@code hab}, {@code hac}, {@code hbc} (the operations with three operands have
     * no pure second partials: fma).
     */
    public int rec3h(int opCode, int ia, double pa, int ib, double pb, int ic, double pc,
            double hab, double hac, double hbc, double r) {
        ia = Math.abs(ia);
        ib = Math.abs(ib);
        ic = Math.abs(ic);
        int idx = rec3(opCode, ia, pa, ib, pb, ic, pc, r);
        if (idx != 0) {
            if (ia != 0 && ib != 0 && hab != 0) {
                second(idx, ia, ib, hab);
            }
            if (ia != 0 && ic != 0 && hac != 0) {
                second(idx, ia, ic, hac);
            }
            if (ib != 0 && ic != 0 && hbc != 0) {
                second(idx, ib, ic, hbc);
            }
        }
        return idx;
    }

    /**
     * Appends a local Hessian entry of statement {@code idx}: {@code ∂²r/∂u∂w = h} for the
     * operands with indices {@code iu} and {@code iw}, or {@code ∂²r/∂u² = h} if {@code iw == 0}.
     * Two operands with the same index (as in {@code x * x}) are distinct arguments: their mixed
     * entry counts twice in the sweep, as the statement's two argument slots do.
     */
    private void second(int idx, int iu, int iw, double h) {
        if (nsecond == secondValue.length) {
            growSecond();
        }
        secondStmt[nsecond] = idx - base;
        secondA[nsecond] = iu - base;
        secondB[nsecond] = iw == 0 ? 0 : iw - base;
        secondValue[nsecond++] = h;
    }

    private void growSecond() {
        int cap = secondValue.length;
        int next = (int) Math.min(Math.max(64, 2L * cap), Integer.MAX_VALUE - 16);
        if (allocatedBytes() + (long) (next - cap) * SECOND_BYTES > maxBytes) {
            next = cap + Math.max(16, cap >> 3);
            if (allocatedBytes() + (long) (next - cap) * SECOND_BYTES > maxBytes) {
                throw new TapeBudgetExceededException(maxBytes, allocatedBytes(), size);
            }
        }
        secondStmt = Arrays.copyOf(secondStmt, next);
        secondA = Arrays.copyOf(secondA, next);
        secondB = Arrays.copyOf(secondB, next);
        secondValue = Arrays.copyOf(secondValue, next);
        peakBytes = Math.max(peakBytes, usedBytes());
    }

    /**
     * Folds an operation into the newest statement {@code idx}, whose value was a temporary of an
     * expression that nothing else holds (the rewriter marks such operands with a negative
     * index): its partials are scaled by {@code scale}, the other operand is appended, and the
     * statement takes the operation's result. An expression such as {@code 100 * a * a + b * b}
     * thus becomes one statement instead of five, as with expression templates.
     */
    private int fold(int idx, double scale, int other, double otherPartial, double r) {
        int s = idx - base;
        if (scale != 1) {
            for (int k = end[s - 1]; k < nargs; k++) {
                partial[k] *= scale;
            }
        }
        if (other != 0) {
            room(0, 1);
            argPos[nargs] = other - base;
            partial[nargs++] = otherPartial;
            end[s] = nargs;
        }
        value[s] = r;
        op[s] = (short) Op.EXPR;
        return idx;
    }

    private int close(int opCode, double r) {
        // Two halves of at most 35 bytecodes each: the JIT inlines methods that small even where
        // they run rarely, as this one does in an accumulating loop (once, for the first term).
        // A call left in a compiled loop makes it reload every field of the tape per iteration.
        int s = ++size;
        end[s] = nargs;
        return fill(s, opCode, r);
    }

    private int fill(int s, int opCode, double r) {
        value[s] = r;
        op[s] = (short) opCode;
        return base + s;
    }

    /**
     * {@code idx} if it names a statement of the current recording whose primal has the same
     * raw bits as {@code v}; else 0.
     *
     * <p>Inside a local region (a checkpointed step or recompute region being taped again), an
     * index of the enclosing tape whose primal no longer matches is an error: the element was
     * overwritten while the region's code ran untaped (by an earlier step, say), so its value
     * was computed after the checkpointed call started and its derivative would be lost
     * ({@link #staleRead}). The test costs one comparison, on the mismatch path only.
     */
    @AlwaysInline
    public int check(int idx, double v) {
        int p = idx - base;
        if (p <= 0 || p > size) {
            return 0;
        }
        return Double.doubleToRawLongBits(value[p]) == Double.doubleToRawLongBits(v) ? idx
                : p > appendFloor ? 0 : staleRead(p, v);
    }

    /**
     * A value read inside a local region from a place that holds the index of statement
     * {@code p} of the enclosing tape, but not its value: see {@link #check}.
     */
    private int staleRead(int p, double v) {
        if (outerShadows == null) {
            return 0; // appendFloor guards no local region
        }
        throw new ADException("a checkpointed step or recompute region read a value computed after it started:"
                + " an array element (or field) that held tape position " + p + " (value " + value[p]
                + ") when the checkpointed call began now holds " + v + ", written while the call ran untaped (by an"
                + " earlier step of the loop, for instance); its derivative would be lost. Checkpointed code must"
                + " only read its state and values that existed before the checkpointed call; keep values a step"
                + " passes to the next in the state array.");
    }

    /**
     * {@link #check} for a value read from an array element by anything but the element's own
     * compound assignment: the index now has another holder, so its statement must not grow.
     */
    @AlwaysInline
    public int readElement(int idx, double v) {
        if (idx == elementOwned) {
            elementOwned = 0;
        }
        return check(idx, v);
    }

    /**
     * Statement {@code idx} (0: none), recorded from an expression right at a store into one
     * array element, is held by that element alone. A later {@code a[i] += ...} on the element
     * may append to it ({@link #elementOwned}) as {@code s += ...} does for a local, as long as
     * no other read ({@link #readElement}) or copy of the array's shadow came in between.
     */
    @AlwaysInline
    public void ownElement(int idx) {
        elementOwned = idx;
    }

    /** The statement only one array element holds, or 0 ({@link #ownElement}). */
    @AlwaysInline
    public int elementOwned() {
        return elementOwned;
    }

    /** A shadow's indices were copied (arraycopy, clone): no element holds its statement alone any more. */
    public void disownElements() {
        elementOwned = 0;
    }

    // ------------------------------------------------------------------ growth and budget

    /**
     * Makes room for {@code stmts} more statements and {@code args} more arguments. Every
     * recording path checks capacity here, in one place: C2 compiles a branch as never taken
     * only if its profile counted enough executions (about 40) and none taken. A check of its
     * own on a path run once per call (the first term of an accumulation) stays unprofiled, so
     * its call to {@link #grow} stayed in the compiled loop, and with a call in it the loop
     * reloads every tape field per iteration. This one is profiled by the hot paths too.
     */
    private void room(int stmts, int args) {
        if (size + stmts >= end.length || nargs + args > argPos.length) {
            grow(stmts, args);
        }
    }

    private void grow(int stmts, int args) {
        if (!recording) {
            throw new IllegalStateException("the tape of " + owner.getName() + " is not recording");
        }
        int sCap = end.length - 1;
        int aCap = argPos.length;
        long needS = (long) size + stmts + 1;
        long needA = (long) nargs + args;
        int newS = sCap;
        int newA = aCap;
        if (needS > sCap) {
            newS = (int) Math.min(Math.max(needS, 2L * sCap), (Integer.MAX_VALUE >> 1) - 16);
        }
        if (needA > aCap) {
            newA = (int) Math.min(Math.max(needA, 2L * aCap), Integer.MAX_VALUE - 16);
        }
        long projected = bytesFor(newS, newA) + shadows.bytes();
        if (projected > maxBytes) {
            // Try the exact need before giving up: the budget is a hard limit, not a doubling step.
            newS = (int) Math.max(sCap, Math.min(needS + (needS >> 3), (Integer.MAX_VALUE >> 1) - 16));
            newA = (int) Math.max(aCap, Math.min(needA + (needA >> 3), Integer.MAX_VALUE - 16));
            projected = bytesFor(newS, newA) + shadows.bytes();
            if (projected > maxBytes || needS >= (Integer.MAX_VALUE >> 1) - 16 || (long) base + needS >= Integer.MAX_VALUE) {
                throw new TapeBudgetExceededException(maxBytes, allocatedBytes(), size);
            }
        }
        if (newS != sCap) {
            end = Arrays.copyOf(end, newS + 1);
            value = Arrays.copyOf(value, newS + 1);
            op = Arrays.copyOf(op, newS + 1);
        }
        if (newA != aCap) {
            argPos = Arrays.copyOf(argPos, newA);
            partial = Arrays.copyOf(partial, newA);
        }
        peakBytes = Math.max(peakBytes, usedBytes());
    }

    /** Allocates the starting capacity ({@link #START_STMTS}), less if it would take over half of {@code budget}. */
    private void allocateStart(long budget) {
        int stmts = START_STMTS;
        while (stmts > MIN_START_STMTS && bytesFor(stmts, 2L * stmts) > budget / 2) {
            stmts >>= 1;
        }
        allocate(stmts, 2 * stmts);
    }

    private void allocate(int stmts, int args) {
        end = new int[stmts + 1];
        value = new double[stmts + 1];
        op = new short[stmts + 1];
        argPos = new int[args];
        partial = new double[args];
        secondStmt = NO_INTS;
        secondA = NO_INTS;
        secondB = NO_INTS;
        secondValue = NO_DOUBLES;
    }

    static long bytesFor(long stmts, long args) {
        return (stmts + 1) * STMT_BYTES + args * ARG_BYTES;
    }

    private long allocatedBytes() {
        return bytesFor(end.length - 1, argPos.length) + (long) secondValue.length * SECOND_BYTES + shadows.bytes();
    }

    /**
     * Bytes the recording uses now: statements, arguments, array shadows. Capacity kept from an
     * earlier recording is not counted, so the peak of this measure is what a budget must allow
     * (plus the growth slack of {@link #grow}: at most an eighth).
     */
    private long usedBytes() {
        return bytesFor(size, nargs) + (long) nsecond * SECOND_BYTES + shadows.bytes();
    }

    /**
     * A zeroed array of at least {@code length} adjoints for a reverse sweep of this recording,
     * the same array from one gradient to the next while it is large enough. A gradient of a
     * 17-million-statement tape (the large GMM) otherwise allocated a new 136 MB array each
     * time, which G1 keeps committing and uncommitting: a JVM whose heap had been resized by
     * other work spent a quarter of such gradients zeroing fresh pages in the kernel. The
     * caller must copy out what it returns: the next sweep on this thread reuses the array.
     */
    public double[] adjoints(int length) {
        double[] a = adjoints;
        if (a == null || a.length < length) {
            a = new double[length];
            adjoints = a;
        } else {
            Arrays.fill(a, 0, length, 0.0);
        }
        return a;
    }

    /** Statements the tape holds without growing (for tests of what {@link #end()} keeps). */
    int statementCapacity() {
        return end.length - 1;
    }

    /** Statistics of the current (or last) recording. */
    public TapeStats stats() {
        return new TapeStats(size, nargs, (long) size * STMT_BYTES + (long) nargs * ARG_BYTES + (long) nsecond * SECOND_BYTES,
                Math.max(peakBytes, usedBytes()));
    }

    // ------------------------------------------------------------------ array shadows

    /** Remembers the index of the double held by {@code box} (a boxed Double). */
    public void setBoxIndex(Object box, int idx) {
        checkShadowBudget(1);
        putShadow(box, new int[] {idx});
        if (box instanceof Double) {
            recentBoxVal[recentBox] = (Double) box;
            recentBoxIdx[recentBox] = idx;
            recentBox = (recentBox + 1) % recentBoxIdx.length;
        }
    }

    /** The index remembered for {@code box}, or 0. */
    public int boxIndex(Object box) {
        int[] s = shadows.get(box);
        return s == null || s.length != 1 ? 0 : s[0];
    }

    /** The shadow of {@code a}, or null if it has none. */
    public int[] shadow(Object a) {
        // No call on a hit, so that the JIT's inlined copy in a recording body answers alone. The
        // last array found (or given a shadow) is tested first: an identity hash not yet
        // computed costs a call into the VM, and the copy of x that every gradient makes is new.
        if (a == lastKey) {
            return lastShadow;
        }
        int slot = System.identityHashCode(a) & (READS - 1);
        if (readKeys[slot] == a && readEpochs[slot] == shadowEpoch) {
            return readShadows[slot];
        }
        return shadowMiss(a, slot);
    }

    private int[] shadowMiss(Object a, int slot) {
        int[] s = shadows.get(a);
        if (s == null && outerShadows != null) {
            s = outerShadows.get(a);
        }
        readKeys[slot] = a;
        readShadows[slot] = s;
        readEpochs[slot] = shadowEpoch;
        readsCached = true;
        lastKey = a;
        lastShadow = s;
        return s;
    }

    // Every change of the shadow maps goes through these three, which empty the read cache of
    // shadow(Object): it may hold what a changed map no longer says.

    private void putShadow(Object key, int[] s) {
        shadows.put(key, s);
        forgetReads();
        lastKey = key;
        lastShadow = s;
    }

    private void useShadows(ShadowMap m) {
        shadows = m;
        forgetReads();
    }

    private void clearShadows() {
        shadows.clear();
        forgetReads();
        if (readsCached) { // between recordings the cache must not keep the application's arrays reachable
            Arrays.fill(readKeys, null);
            Arrays.fill(readShadows, null);
            readsCached = false;
        }
    }

    /** Arrays the read cache of {@link #shadow} references (for tests: none after a recording). */
    int cachedReads() {
        int n = lastKey == null ? 0 : 1;
        for (Object k : readKeys) {
            n += k == null ? 0 : 1;
        }
        return n;
    }

    /** Moves the epoch, which makes every entry of the read cache stale. */
    private void forgetReads() {
        shadowEpoch++;
        lastKey = null;
        lastShadow = null;
    }

    /**
     * The current shadow epoch: a shadow found at this epoch stays the array's shadow until the
     * epoch moves (rewritten loops remember shadows this way).
     */
    @AlwaysInline
    public int shadowEpoch() {
        return shadowEpoch;
    }

    /**
     * Whether a shadow found by {@link #shadow} may be written in place: outside a local region.
     * Inside one, it may belong to the enclosing recording, and {@link #shadowForWrite} copies it.
     */
    @AlwaysInline
    public boolean writesInPlace() {
        return outerShadows == null;
    }

    /** The shadow of {@code a}, created (all passive) if it has none. */
    public int[] shadowForWrite(double[] a) {
        int[] s = shadows.get(a);
        if (s == null) {
            s = newShadow(a.length);
            int[] outer = outerShadows == null ? null : outerShadows.get(a);
            if (outer != null) {
                System.arraycopy(outer, 0, s, 0, s.length); // copy on write inside a local region
            }
            putShadow(a, s);
        }
        return s;
    }

    /** Replaces the shadow of {@code a} (its length must be {@code a.length}). */
    public void setShadow(double[] a, int[] s) {
        if (s.length != a.length) {
            throw new IllegalArgumentException("shadow length " + s.length + " != array length " + a.length);
        }
        checkShadowBudget(s.length);
        putShadow(a, s);
    }

    private int[] newShadow(int length) {
        checkShadowBudget(length);
        return new int[length];
    }

    private void checkShadowBudget(int length) {
        long projected = allocatedBytes() + 4L * length;
        if (projected > maxBytes) {
            throw new TapeBudgetExceededException(maxBytes, allocatedBytes(), size);
        }
        peakBytes = Math.max(peakBytes, usedBytes() + 4L * length);
    }

    // ------------------------------------------------------------------ call registers

    /** Begins a call with {@code n} double arguments. */
    public void args(int n) {
        if (n > regIdx.length) {
            regIdx = new int[Math.max(n, 2 * regIdx.length)];
            regVal = new double[regIdx.length];
        }
        argCount = n;
        Arrays.fill(regIdx, 0, n, 0);
    }

    /** Sets argument register {@code j} of the pending call. */
    public void arg(int j, int idx, double v) {
        if (j >= 0 && j < argCount) {
            regIdx[j] = idx;
            regVal[j] = v;
        }
    }

    /** Callee side: the index of its {@code j}-th of {@code n} double parameters, tail-aligned. */
    public int param(double v, int j, int n) {
        int k = j + (argCount - n);
        if (k >= 0 && k < argCount && j < n
                && Double.doubleToRawLongBits(regVal[k]) == Double.doubleToRawLongBits(v)) {
            int idx = regIdx[k];
            return idx == 0 ? 0 : check(idx, v);
        }
        return forwarded(v);
    }

    /**
     * A double that reaches instrumented code without registers, through code that is not
     * instrumented (the JDK's {@code DoubleUnaryOperator.andThen}, stream stages, reflection's
     * boxing) but that is exactly the value an instrumented method just returned, is that
     * value: it takes the return register's index, which is consumed.
     */
    public int forwarded(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (retSet && Double.doubleToRawLongBits(retVal) == bits) {
            retSet = false;
            retSite = -1;
            return check(retIdx, v);
        }
        // Reflection unboxes its arguments in the JDK: a recently boxed active value, equal to
        // the parameter, is that argument.
        for (int i = 0; i < recentBoxIdx.length; i++) {
            if (recentBoxIdx[i] != 0 && Double.doubleToRawLongBits(recentBoxVal[i]) == bits) {
                return check(recentBoxIdx[i], v);
            }
        }
        return 0;
    }

    /**
     * A copy of the call registers. A static initializer can run between a caller's writing its
     * arguments and the callee's reading them (the call is what initializes the callee's class);
     * the rewritten initializer saves the registers on entry and restores them on exit.
     */
    public Object saveRegisters() {
        return new Object[] {Arrays.copyOf(regIdx, argCount), Arrays.copyOf(regVal, argCount),
            retSet ? new double[] {retIdx, retVal} : null};
    }

    /** Restores registers saved by {@link #saveRegisters()}. */
    public void restoreRegisters(Object saved) {
        Object[] s = (Object[]) saved;
        int[] idx = (int[]) s[0];
        double[] val = (double[]) s[1];
        args(idx.length);
        System.arraycopy(idx, 0, regIdx, 0, idx.length);
        System.arraycopy(val, 0, regVal, 0, val.length);
        double[] ret = (double[]) s[2];
        retSet = ret != null;
        retSite = -1;
        retIdx = ret == null ? 0 : (int) ret[0];
        retVal = ret == null ? 0 : ret[1];
    }

    /** @return whether argument registers with an active index were set but not taken by a callee */
    public boolean pendingActiveArgs() {
        for (int j = 0; j < argCount; j++) {
            if (regIdx[j] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Clears the argument registers. */
    public void endParams() {
        argCount = 0;
    }

    /** Sets the return register. */
    public void ret(int idx, double v) {
        retSet = true;
        retIdx = idx;
        retVal = v;
        retSite = -1;
    }

    /**
     * {@link #ret} of a return watched by the diagnostics: if the previous active return was
     * never taken by an instrumented caller (a JDK stream or collection called the returning
     * lambda), its place is reported.
     */
    public void retWatched(int idx, double v, int site) {
        reportUntakenReturn();
        ret(idx, v);
        retSite = idx == 0 ? -1 : site;
    }

    private void reportUntakenReturn() {
        if (retSet && retSite >= 0) {
            dev.ad4j.Diagnostics.report(retSite);
        }
    }

    /** Caller side after a call returning {@code v}: the returned index, then clears all registers. */
    public int result(double v) {
        int idx = 0;
        if (retSet && Double.doubleToRawLongBits(retVal) == Double.doubleToRawLongBits(v)) {
            idx = check(retIdx, v);
            retSite = -1;
        }
        clearRegisters();
        return idx;
    }

    /**
     * Caller side after a recording body it entered directly returned: the body's last act was
     * {@link #ret}, so the register holds the returned value's index without a check.
     */
    public int takeReturn() {
        int idx = retIdx;
        retSet = false;
        retIdx = 0;
        retSite = -1;
        return idx;
    }

    /** Clears argument and return registers. */
    public void clearRegisters() {
        reportUntakenReturn();
        argCount = 0;
        retSet = false;
        retIdx = 0;
        retSite = -1;
    }

    // ------------------------------------------------------------------ read access for sweeps and traces

    /** Index of position 1 minus one: index = base + position. */
    public int base() {
        return base;
    }

    /** Number of statements. */
    public int size() {
        return size;
    }

    /** Number of arguments. */
    public int argumentCount() {
        return nargs;
    }

    /** Position of an index of this recording, or 0 if it is passive or out of range. */
    public int position(int idx) {
        int p = idx - base;
        return p <= 0 || p > size ? 0 : p;
    }

    /** End offsets (1-based statements; {@code ends()[0] == 0}). Live array: do not modify. */
    public int[] ends() {
        return end;
    }

    /** Primal values by position. Live array: do not modify. */
    public double[] values() {
        return value;
    }

    /** Op codes with masks by position. Live array: do not modify. */
    public short[] ops() {
        return op;
    }

    /** Argument positions. Live array: do not modify. */
    public int[] argPositions() {
        return argPos;
    }

    /** Argument partials. Live array: do not modify. */
    public double[] partials() {
        return partial;
    }

    /** Number of second-order entries (0 unless {@link #secondOrder()}). */
    public int secondCount() {
        return nsecond;
    }

    /** Statement (position) of each second-order entry, ascending. Live array: do not modify. */
    public int[] secondStatements() {
        return secondStmt;
    }

    /** Position of the first argument of each second-order entry. Live array: do not modify. */
    public int[] secondFirst() {
        return secondA;
    }

    /** Position of the second argument of each entry, 0 for a diagonal entry. Live array: do not modify. */
    public int[] secondOther() {
        return secondB;
    }

    /** Second partial of each entry. Live array: do not modify. */
    public double[] secondValues() {
        return secondValue;
    }

    // ------------------------------------------------------------------ checkpointing support

    /**
     * A group of statements whose derivatives are computed by code instead of recorded
     * partials (a checkpointed loop, a recompute region). Its outputs are {@code count}
     * consecutive statements without arguments; the sweeps call it when they reach them.
     * It reads and writes adjoints (tangents) by position, interleaved by {@code lanes}, and
     * may only propagate to positions below its first output.
     */
    public interface External {
        /** Adds the adjoints of the outputs {@code first .. first+count-1} to their inputs. */
        void reverse(Tape t, double[] adj, int lanes);

        /** Sets the tangents of the outputs from the tangents of their inputs. */
        void forward(Tape t, double[] tan, int lanes);
    }

    /**
     * Suspends recording: until the matching {@link #resume()} the thread behaves as if it did
     * not record ({@code Rt.enter()} returns null). Counts nested calls.
     */
    public void suspend() {
        suspended++;
    }

    /** Ends one {@link #suspend()}. */
    public void resume() {
        if (suspended > 0) {
            suspended--;
        }
    }

    /**
     * Records {@code values.length} argument-free output statements of an external group (op
     * {@link Op#EXTERNAL}) and registers {@code fn} for the sweeps; returns the first index.
     */
    public int external(External fn, double[] values) {
        if (secondOrder) {
            throw secondOrderUnsupported("hessian through checkpointed loops is not supported: AD.hessian and "
                    + "AD.hessianVector cannot run through Checkpointing.iterate or Checkpointing.recompute; "
                    + "call the loop without checkpointing to get second derivatives");
        }
        room(values.length, 0);
        int first = size + 1;
        for (double v : values) {
            close(Op.EXTERNAL, v);
        }
        if (externalCount == externals.length) {
            externals = Arrays.copyOf(externals, 2 * externalCount);
            externalFirst = Arrays.copyOf(externalFirst, 2 * externalCount);
        }
        externals[externalCount] = fn;
        externalFirst[externalCount++] = first;
        return base + first;
    }

    /** Number of external groups recorded. */
    public int externalCount() {
        return externalCount;
    }

    /** Position of the first output of external group {@code k} (in recording order). */
    public int externalFirst(int k) {
        return externalFirst[k];
    }

    /** External group {@code k}. */
    public External externalAt(int k) {
        return externals[k];
    }

    private void clearExternals(int from) {
        for (int k = from; k < externalCount; k++) {
            externals[k] = null;
        }
        externalCount = from;
    }

    /**
     * Opens a local region at the end of the tape: statements recorded from now on can be
     * dropped by {@link #closeLocal(int)}; arrays get new shadows in a scope of their own
     * (reads fall back to the enclosing shadows, writes copy them first). Returns the mark
     * (the current size). Regions do not nest.
     */
    public int openLocal() {
        if (outerShadows != null) {
            throw new IllegalStateException("local tape regions do not nest");
        }
        outerShadows = shadows;
        useShadows(new ShadowMap());
        appendFloor = size; // the region's statements are dropped; the ones before it must not change
        elementOwned = 0;
        return size;
    }

    /** Whether a local region is open. */
    public boolean inLocal() {
        return outerShadows != null;
    }

    /** Drops the statements recorded since {@code mark} and the region's shadows. */
    public void closeLocal(int mark) {
        peakBytes = Math.max(peakBytes, usedBytes());
        size = mark;
        nargs = end[mark];
        appendFloor = 0;
        elementOwned = 0; // its position may be dropped and taken by a statement that others hold
        while (nsecond > 0 && secondStmt[nsecond - 1] > mark) {
            nsecond--;
        }
        int k = externalCount;
        while (k > 0 && externalFirst[k - 1] > mark) {
            k--;
        }
        clearExternals(k);
        clearRegisters();
        if (outerShadows != null) {
            useShadows(outerShadows);
            outerShadows = null;
        }
    }
}
