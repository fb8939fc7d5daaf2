package dev.ad4j;

import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.sweep.Sweeps;
import dev.ad4j.internal.tape.Tape;
import dev.ad4j.internal.trace.TraceRenderer;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Entry points of ad4j: gradients, vector-Jacobian and Jacobian-vector products, Jacobians
 * and derivatives of instrumented code (classes selected by the agent's {@code includes=}).
 *
 * <pre>{@code
 * // java -javaagent:ad4j-agent.jar=includes=com.acme.* -cp app.jar com.acme.Main
 * double[] g = AD.gradient(x -> x[0] * x[0] + Math.sin(x[1]), new double[] {3, 0}); // {6, 1}
 * double d = AD.derivative(Math::exp, 0);  // only if the calling lambda/class is instrumented
 * }</pre>
 *
 * <p>Each call makes one recording on the calling thread's tape: the input is copied, each
 * copy element becomes a tape input, the function runs (its primal results are bit-identical
 * to an uninstrumented run), then one or more sweeps run over the tape. A request never
 * returns silent zeros: {@link NotInstrumentedException} if no instrumented code ran,
 * {@link InactiveOutputException} if the output carries no derivative,
 * {@link TapeBudgetExceededException} if the tape outgrows its budget,
 * {@link NestedRecordingException} if called from inside a function being differentiated.
 * Different threads may record concurrently, each on its own tape.
 */
public final class AD {
    private AD() {
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Sets the tape memory budget (bytes) for recordings started from now on, on every thread.
     * The default is {@code -Dad4j.maxTape=<size>} if set, else half the maximum heap.
     */
    public static void setMaxTapeBytes(long bytes) {
        Tape.setDefaultMaxBytes(bytes);
    }

    /** Sets the budget from a size with an optional k/m/g suffix, e.g. {@code "512m"}. */
    public static void setMaxTape(String size) {
        Tape.setDefaultMaxBytes(Tape.parseBytes(size));
    }

    /** The current tape memory budget in bytes. */
    public static long maxTapeBytes() {
        return Tape.defaultMaxBytes();
    }

    /**
     * Statistics of the calling thread's last (or current) recording, or null if it never
     * recorded. {@link TapeStats#peakBytes()} is what a budget must allow for that computation.
     */
    public static TapeStats lastTapeStats() {
        Tape t = Tape.currentOrNull();
        return t == null ? null : t.stats();
    }

    /** Parses a size with an optional k, m or g suffix (powers of 1024): {@code "64m"} is 67108864. */
    public static long parseBytes(String size) {
        return Tape.parseBytes(size);
    }

    static String formatBytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " B";
    }

    // ------------------------------------------------------------------ scalar functions

    /** The gradient of {@code f} at {@code x} (one reverse sweep). */
    public static double[] gradient(ScalarFunction f, double[] x) {
        return valueAndGradient(f, x).gradient();
    }

    /** {@code f(x)} and its gradient (one recording, one reverse sweep). */
    public static ValueAndGradient valueAndGradient(ScalarFunction f, double[] x) {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int n = x.length;
            double y = runScalar(t, f, x);
            int out = scalarOutput(t, y, f);
            double[] adj = t.adjoints(span(t));
            adj[out] = 1;
            Sweeps.reverse(t, adj, out);
            return new ValueAndGradient(y, Arrays.copyOfRange(adj, 1, n + 1));
        } finally {
            t.end();
        }
    }

    /**
     * Records {@code f} at {@code x} and keeps a copy of the tape for traces and graphs.
     *
     * <pre>{@code
     * Recording r = AD.record(f, new double[] {2, 5});
     * System.out.print(r.primalTrace() + r.adjointTrace());
     * }</pre>
     */
    public static Recording record(ScalarFunction f, double[] x) {
        Tape t = Tape.forCurrentThread();
        t.begin();
        t.recordEveryOperation();
        try {
            int n = x.length;
            double y = runScalar(t, f, x);
            int out = scalarOutput(t, y, f);
            int top = Math.max(out, n); // a function may return one of its inputs
            int[] end = Arrays.copyOf(t.ends(), top + 1);
            int args = end[top];
            int[] argPos = Arrays.copyOf(t.argPositions(), args);
            double[] partial = Arrays.copyOf(t.partials(), args);
            double[] adj = new double[span(t)];
            adj[out] = 1;
            Sweeps.reverse(t, adj, out); // external groups need the live tape
            double[] swept = Arrays.copyOf(adj, top + 1);
            TraceRenderer renderer = new TraceRenderer(end, Arrays.copyOf(t.values(), top + 1),
                    Arrays.copyOf(t.ops(), top + 1), argPos, partial, n, out, swept,
                    TraceRenderer.externalShares(t, adj, out));
            return new Recording(y, Arrays.copyOfRange(adj, 1, n + 1), t.stats(), renderer);
        } finally {
            t.end();
        }
    }

    /**
     * The derivative of a function of one variable. The index of {@code x} reaches the
     * instrumented body through the argument registers (the lambda's class must be instrumented).
     *
     * <pre>{@code
     * double d = AD.derivative(x -> x * Math.exp(x), 1.0); // 2e
     * }</pre>
     */
    public static double derivative(DoubleUnaryOperator f, double x) {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int ix = t.input(x);
            t.args(1);
            t.arg(0, ix, x);
            double y = f.applyAsDouble(x);
            int out = scalarOutput(t, y, f);
            double[] adj = new double[span(t)];
            adj[out] = 1;
            Sweeps.reverse(t, adj, out);
            return adj[1];
        } finally {
            t.end();
        }
    }

    // ------------------------------------------------------------------ second order

    /**
     * Hessian-vector product {@code H v}, exact (forward-over-reverse on a second-order tape,
     * no finite differences): one recording in which every operation also records the second
     * partials of its elementary function, a forward sweep for the tangents along {@code v},
     * a reverse sweep for the adjoints, and a second-order reverse sweep for
     * {@code (∇²f) v}. Agrees with closed forms to rounding; costs a small multiple of one
     * gradient. Operations are never folded into expression statements during this recording.
     *
     * <p>Limits: second derivatives through {@link Checkpointing} (checkpointed loops, recompute
     * regions) and through methods with a {@link DerivativeRules} rule (which gives first partials
     * only) are not supported and throw an {@link ADException} naming the cause, never a wrong
     * value. Where the second derivative does not exist the conventions of the first partials
     * extend: piecewise linear functions ({@code abs}, {@code min}, {@code max}, {@code %},
     * {@code floor}, ...) have second derivative 0; see {@code docs/how-it-works.md}.
     *
     * <pre>{@code
     * double[] hv = AD.hessianVector(x -> x[0] * x[0] * x[1], new double[] {1, 2}, new double[] {1, 0}); // {4, 2}
     * }</pre>
     */
    public static double[] hessianVector(ScalarFunction f, double[] x, double[] v) {
        requireLength("v", v.length, x.length);
        Tape t = Tape.forCurrentThread();
        t.beginSecondOrder();
        try {
            int n = x.length;
            SecondOrderRecording r = recordSecondOrder(t, f, x);
            int out = r.out();
            int top = r.top();
            double[] adj = r.adj();
            double[] tan = new double[top + 1];
            System.arraycopy(v, 0, tan, 1, n);
            Sweeps.forward(t, tan, out);
            double[] sadj = new double[top + 1];
            Sweeps.secondOrderReverse(t, adj, tan, sadj, out, 1);
            return Arrays.copyOfRange(sadj, 1, n + 1);
        } finally {
            t.end();
        }
    }

    /** The output statement, the highest position swept, and the first-order adjoints. */
    private record SecondOrderRecording(int out, int top, double[] adj) {
    }

    /** Records {@code f} at {@code x} on a second-order tape and sweeps its adjoints once. */
    private static SecondOrderRecording recordSecondOrder(Tape t, ScalarFunction f, double[] x) {
        double y = runScalar(t, f, x);
        t.checkSecondOrder();
        int out = scalarOutput(t, y, f);
        int top = Math.max(out, x.length);
        double[] adj = new double[top + 1];
        adj[out] = 1;
        Sweeps.reverse(t, adj, out);
        return new SecondOrderRecording(out, top, adj);
    }

    /**
     * The Hessian, exact: one second-order recording (see {@link #hessianVector}), one reverse
     * sweep, then Hessian-vector products along the unit vectors, eight columns per pair of
     * sweeps (vector mode). The result is symmetrised ({@code (H + H^T) / 2}, which only
     * changes rounding). Same limits as {@link #hessianVector}.
     *
     * <pre>{@code
     * double[][] h = AD.hessian(x -> x[0] * x[0] * x[1], new double[] {1, 2}); // {{4, 2}, {2, 0}}
     * }</pre>
     */
    public static double[][] hessian(ScalarFunction f, double[] x) {
        Tape t = Tape.forCurrentThread();
        t.beginSecondOrder();
        try {
            int n = x.length;
            SecondOrderRecording r = recordSecondOrder(t, f, x);
            int out = r.out();
            int top = r.top();
            double[] adj = r.adj();
            double[][] h = new double[n][n];
            int lanesMax = 8;
            for (int j0 = 0; j0 < n; j0 += lanesMax) {
                int lanes = Math.min(lanesMax, n - j0);
                double[] tan = new double[(top + 1) * lanes];
                for (int l = 0; l < lanes; l++) {
                    tan[(j0 + l + 1) * lanes + l] = 1;
                }
                Sweeps.forward(t, tan, out, lanes);
                double[] sadj = new double[(top + 1) * lanes];
                Sweeps.secondOrderReverse(t, adj, tan, sadj, out, lanes);
                for (int i = 0; i < n; i++) {
                    for (int l = 0; l < lanes; l++) {
                        h[i][j0 + l] = sadj[(i + 1) * lanes + l];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double m = 0.5 * (h[i][j] + h[j][i]);
                    h[i][j] = m;
                    h[j][i] = m;
                }
            }
            return h;
        } finally {
            t.end();
        }
    }

    // ------------------------------------------------------------------ vector functions

    /**
     * Vector-Jacobian product {@code ybar^T J} (reverse mode, one sweep).
     *
     * <pre>{@code
     * double[] w = AD.vjp(x -> new double[] {x[0] * x[1], x[0]}, new double[] {2, 3}, new double[] {1, 1}); // {4, 2}
     * }</pre>
     */
    public static double[] vjp(VectorFunction f, double[] x, double[] ybar) {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int n = x.length;
            int[] outs = runVector(t, f, x);
            requireLength("ybar", ybar.length, outs.length);
            int top = max(outs);
            double[] adj = t.adjoints(span(t));
            for (int j = 0; j < outs.length; j++) {
                if (outs[j] != 0) {
                    adj[outs[j]] += ybar[j];
                }
            }
            Sweeps.reverse(t, adj, top);
            return Arrays.copyOfRange(adj, 1, n + 1);
        } finally {
            t.end();
        }
    }

    /**
     * Jacobian-vector product {@code J xdot} (forward mode, one sweep).
     *
     * <pre>{@code
     * double[] ydot = AD.jvp(x -> new double[] {x[0] * x[1], x[0]}, new double[] {2, 3}, new double[] {1, 0}); // {3, 1}
     * }</pre>
     */
    public static double[] jvp(VectorFunction f, double[] x, double[] xdot) {
        requireLength("xdot", xdot.length, x.length);
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int n = x.length;
            int[] outs = runVector(t, f, x);
            int top = Math.max(max(outs), n);
            double[] tan = new double[span(t)];
            System.arraycopy(xdot, 0, tan, 1, n);
            Sweeps.forward(t, tan, top);
            double[] ydot = new double[outs.length];
            for (int j = 0; j < outs.length; j++) {
                ydot[j] = outs[j] == 0 ? 0 : tan[outs[j]];
            }
            return ydot;
        } finally {
            t.end();
        }
    }

    /**
     * The m x n Jacobian {@code J[i][j] = ∂f_i/∂x_j} from one recording: vector forward sweeps
     * over the inputs if n &lt;= m, else vector reverse sweeps over the outputs (Baydin et al.'s
     * cost model: n resp. m sweeps). A component that does not depend on x has a zero row; only
     * if all are inactive an {@link InactiveOutputException} is thrown.
     *
     * <pre>{@code
     * double[][] j = AD.jacobian(x -> new double[] {x[0] * x[1], Math.sin(x[0])}, new double[] {2, 3});
     * }</pre>
     */
    public static double[][] jacobian(VectorFunction f, double[] x) {
        Tape t = Tape.forCurrentThread();
        t.begin();
        try {
            int n = x.length;
            int[] outs = runVector(t, f, x);
            int m = outs.length;
            double[][] jac = new double[m][n];
            int top = Math.max(max(outs), n);
            int lanesMax = 8;
            if (n <= m) {
                for (int j0 = 0; j0 < n; j0 += lanesMax) {
                    int lanes = Math.min(lanesMax, n - j0);
                    double[] tan = new double[span(t) * lanes];
                    for (int l = 0; l < lanes; l++) {
                        tan[(j0 + l + 1) * lanes + l] = 1;
                    }
                    Sweeps.forward(t, tan, top, lanes);
                    for (int i = 0; i < m; i++) {
                        if (outs[i] != 0) {
                            for (int l = 0; l < lanes; l++) {
                                jac[i][j0 + l] = tan[outs[i] * lanes + l];
                            }
                        }
                    }
                }
            } else {
                for (int i0 = 0; i0 < m; i0 += lanesMax) {
                    int lanes = Math.min(lanesMax, m - i0);
                    double[] adj = new double[span(t) * lanes];
                    int from = 0;
                    for (int l = 0; l < lanes; l++) {
                        int o = outs[i0 + l];
                        if (o != 0) {
                            adj[o * lanes + l] += 1;
                            from = Math.max(from, o);
                        }
                    }
                    Sweeps.reverse(t, adj, from, lanes);
                    for (int l = 0; l < lanes; l++) {
                        if (outs[i0 + l] != 0) {
                            for (int j = 0; j < n; j++) {
                                jac[i0 + l][j] = adj[(j + 1) * lanes + l];
                            }
                        }
                    }
                }
            }
            return jac;
        } finally {
            t.end();
        }
    }

    // ------------------------------------------------------------------ recording helpers

    /** Registers a copy of x as the inputs (positions 1..n) and runs f on it. */
    private static double runScalar(Tape t, ScalarFunction f, double[] x) {
        double[] xc = inputs(t, x);
        t.clearRegisters();
        return f.apply(xc);
    }

    private static double[] inputs(Tape t, double[] x) {
        double[] xc = x.clone();
        int[] shadow = t.inputIndices(xc.length);
        t.inputs(xc, shadow);
        t.setShadow(xc, shadow);
        return xc;
    }

    /** Positions (0 = inactive) of the components of f(x); throws if all are inactive. */
    private static int[] runVector(Tape t, VectorFunction f, double[] x) {
        double[] xc = inputs(t, x);
        t.clearRegisters();
        double[] y = f.apply(xc);
        if (y == null) {
            throw new ADException(className(f) + " returned null");
        }
        int[] s = Rt.shadow(t, y);
        int[] outs = new int[y.length];
        boolean any = false;
        for (int j = 0; j < y.length; j++) {
            int idx = s == null ? 0 : t.check(s[j], y[j]);
            outs[j] = t.position(idx);
            any |= outs[j] != 0;
        }
        if (!any) {
            throw inactive(t, f);
        }
        return outs;
    }

    /**
     * Length of a first-order sweep's adjoint or tangent array: every position of the recording,
     * not only up to the swept output. An external group (a checkpointed loop, a recompute region)
     * reads or writes all of its outputs, also those recorded after the output the function
     * returned ({@code return state[0]} of a loop's final state).
     */
    private static int span(Tape t) {
        return t.size() + 1;
    }

    /** Position of the returned value, from the return register; throws if inactive. */
    private static int scalarOutput(Tape t, double y, Object f) {
        int out = t.position(t.result(y));
        if (out == 0) {
            throw inactive(t, f);
        }
        return out;
    }

    private static ADException inactive(Tape t, Object f) {
        if (t.entries() == 0) {
            boolean lambda = f.getClass().getName().contains("$$Lambda");
            return new NotInstrumentedException(className(f), lambda, lambda ? capturedClass(f) : null);
        }
        return new InactiveOutputException(className(f));
    }

    /**
     * The class of the first object a lambda or method reference captured that is not the JDK's
     * ({@code model::loss} captures {@code model}), or null: where its computation likely lives.
     */
    private static String capturedClass(Object f) {
        for (java.lang.reflect.Field field : f.getClass().getDeclaredFields()) {
            if (field.getType().isPrimitive() || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object captured = field.get(f);
                String name = captured == null ? null : captured.getClass().getName();
                if (name != null && !name.startsWith("java.") && !name.startsWith("jdk.") && !name.contains("$$Lambda")) {
                    return name;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null; // a proxy we may not read: the message names the host class only
            }
        }
        return null;
    }

    /** The class of f, for a lambda the class that defines its body (the name before "$$Lambda"). */
    static String className(Object f) {
        String name = f.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda > 0 ? name.substring(0, lambda) : name;
    }

    private static int max(int[] a) {
        int m = 0;
        for (int v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + ", expected " + expected);
        }
    }
}
