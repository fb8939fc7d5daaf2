package dev.ad4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Checks derivatives against central differences, like PyTorch's {@code gradcheck}: every
 * coordinate of an AD gradient (or every entry of an AD Jacobian) is compared with
 * {@code (f(x + h e_j) - f(x - h e_j)) / 2h} and passes if
 * {@code |ad - fd| <= atol + rtol |fd|} (the test of NumPy's {@code allclose}).
 *
 * <pre>{@code
 * // java -javaagent:ad4j-agent.jar=includes=com.acme.* ...
 * GradientCheck.Result r = GradientCheck.gradient(com.acme.Model::loss, new double[] {-1.2, 1.0});
 * System.out.print(r);            // one table row per coordinate: x, step, ad, fd, errors, ok
 * if (!r.passed()) {
 *     throw new AssertionError(r.failures());
 * }
 * // stricter tolerances, or a gradient written by hand instead of AD's:
 * GradientCheck strict = GradientCheck.withDefaults().atol(1e-8).rtol(1e-6);
 * strict.compare(com.acme.Model::loss, x, handWrittenGradient(x)).passed();
 * }</pre>
 *
 * <p>The step for coordinate j is {@code eps * max(1, |x_j|)}, then rounded so that
 * {@code x_j + h} and {@code x_j - h} are exact doubles (the realised step is reported). Central
 * differences have error O(h²) from truncation and O(ulp(f) / h) from rounding, so the default
 * tolerances ({@value #DEFAULT_ATOL}, {@value #DEFAULT_RTOL}, step {@value #DEFAULT_EPS}, as
 * PyTorch's) flag wrong derivatives, not the last digits of right ones. A NaN or infinite
 * derivative or difference never passes. Functions are evaluated outside any recording, so
 * instrumented code runs its plain primal.
 */
public final class GradientCheck {

    /** Default relative step: {@value}. */
    public static final double DEFAULT_EPS = 1e-6;
    /** Default absolute tolerance: {@value}. */
    public static final double DEFAULT_ATOL = 1e-5;
    /** Default relative tolerance: {@value}. */
    public static final double DEFAULT_RTOL = 1e-3;

    private static final GradientCheck DEFAULTS = new GradientCheck(DEFAULT_EPS, DEFAULT_ATOL, DEFAULT_RTOL);

    private final double eps;
    private final double atol;
    private final double rtol;

    private GradientCheck(double eps, double atol, double rtol) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be positive and finite, was " + eps);
        }
        if (!(atol >= 0) || !(rtol >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, were atol=" + atol + ", rtol=" + rtol);
        }
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /** A checker with the default step and tolerances; {@link #eps}, {@link #atol}, {@link #rtol} derive others. */
    public static GradientCheck withDefaults() {
        return DEFAULTS;
    }

    /** A copy with relative step {@code eps} (the step for x_j is {@code eps * max(1, |x_j|)}). */
    public GradientCheck eps(double eps) {
        return new GradientCheck(eps, atol, rtol);
    }

    /** A copy with absolute tolerance {@code atol}. */
    public GradientCheck atol(double atol) {
        return new GradientCheck(eps, atol, rtol);
    }

    /** A copy with relative tolerance {@code rtol}. */
    public GradientCheck rtol(double rtol) {
        return new GradientCheck(eps, atol, rtol);
    }

    /** Checks {@link AD#gradient} of {@code f} at {@code x} with the default settings. */
    public static Result gradient(ScalarFunction f, double[] x) {
        return DEFAULTS.check(f, x);
    }

    /** Checks {@link AD#jacobian} of {@code f} at {@code x} with the default settings. */
    public static Result jacobian(VectorFunction f, double[] x) {
        return DEFAULTS.checkJacobian(f, x);
    }

    /** Checks {@link AD#gradient} of {@code f} at {@code x} (ADExceptions propagate). */
    public Result check(ScalarFunction f, double[] x) {
        return compare(f, x, AD.gradient(f, x));
    }

    /** Checks {@link AD#jacobian} of {@code f} at {@code x} (ADExceptions propagate). */
    public Result checkJacobian(VectorFunction f, double[] x) {
        return compareJacobian(f, x, AD.jacobian(f, x));
    }

    /** Checks a given gradient of {@code f} at {@code x}, e.g. one written by hand. */
    public Result compare(ScalarFunction f, double[] x, double[] gradient) {
        requireLength("gradient", gradient.length, x.length);
        return compareJacobian(z -> new double[] {f.apply(z)}, x, new double[][] {gradient}, false);
    }

    /** Checks a given m x n Jacobian of {@code f} at {@code x}. */
    public Result compareJacobian(VectorFunction f, double[] x, double[][] jacobian) {
        return compareJacobian(f, x, jacobian, true);
    }

    private Result compareJacobian(VectorFunction f, double[] x, double[][] jac, boolean vector) {
        int n = x.length;
        int m = jac.length;
        double[] steps = new double[n];
        double[][] fd = new double[m][n];
        for (int j = 0; j < n; j++) {
            double h = eps * Math.max(1, Math.abs(x[j]));
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] = x[j] + h;
            minus[j] = x[j] - h;
            double width = plus[j] - minus[j]; // the realised 2h, exact for the doubles evaluated
            steps[j] = width / 2;
            double[] yp = f.apply(plus);
            double[] ym = f.apply(minus);
            requireLength("f(x + h e_" + (j + 1) + ")", yp.length, m);
            requireLength("f(x - h e_" + (j + 1) + ")", ym.length, m);
            for (int i = 0; i < m; i++) {
                fd[i][j] = (yp[i] - ym[i]) / width;
            }
        }
        List<Entry> entries = new ArrayList<>(m * n);
        for (int i = 0; i < m; i++) {
            requireLength("row " + (i + 1) + " of the Jacobian", jac[i].length, n);
            for (int j = 0; j < n; j++) {
                double ad = jac[i][j];
                double num = fd[i][j];
                double abs = Math.abs(ad - num);
                double rel = abs == 0 ? 0 : abs / Math.abs(num);
                boolean ok = Double.isFinite(ad) && Double.isFinite(num) && abs <= atol + rtol * Math.abs(num);
                entries.add(new Entry(i, j, x[j], steps[j], ad, num, abs, rel, ok));
            }
        }
        return new Result(vector, m, n, entries, eps, atol, rtol);
    }

    private static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + ", expected " + expected);
        }
    }

    /**
     * One compared coordinate: output {@code i} (always 0 for a gradient) with respect to input
     * {@code j}, both 0-based.
     *
     * @param output        row i of the Jacobian (0 for a scalar function)
     * @param input         coordinate j of x
     * @param x             x_j
     * @param step          the realised step h for x_j
     * @param ad            the derivative under test (AD's, or the one given to {@code compare})
     * @param numeric       the central difference
     * @param absoluteError {@code |ad - numeric|}
     * @param relativeError {@code |ad - numeric| / |numeric|} (0 if equal, infinite if only numeric is 0)
     * @param passed        {@code absoluteError <= atol + rtol |numeric|}, both finite
     */
    public record Entry(int output, int input, double x, double step, double ad, double numeric,
                        double absoluteError, double relativeError, boolean passed) {
    }

    /** The outcome of a check: one {@link Entry} per coordinate, in row-major order. */
    public static final class Result {
        private final boolean vector;
        private final int rows;
        private final int cols;
        private final List<Entry> entries;
        private final double eps;
        private final double atol;
        private final double rtol;

        Result(boolean vector, int rows, int cols, List<Entry> entries, double eps, double atol, double rtol) {
            this.vector = vector;
            this.rows = rows;
            this.cols = cols;
            this.entries = Collections.unmodifiableList(entries);
            this.eps = eps;
            this.atol = atol;
            this.rtol = rtol;
        }

        /** True if every coordinate passed. */
        public boolean passed() {
            return failures().isEmpty();
        }

        /** Number of outputs m (1 for a gradient). */
        public int rows() {
            return rows;
        }

        /** Number of inputs n. */
        public int cols() {
            return cols;
        }

        /** All compared coordinates, row-major. */
        public List<Entry> entries() {
            return entries;
        }

        /** The coordinate for output {@code i} and input {@code j}, 0-based. */
        public Entry entry(int i, int j) {
            return entries.get(i * cols + j);
        }

        /** The coordinates that failed. */
        public List<Entry> failures() {
            List<Entry> failed = new ArrayList<>();
            for (Entry e : entries) {
                if (!e.passed()) {
                    failed.add(e);
                }
            }
            return failed;
        }

        /** The largest absolute error (NaN if any error is NaN). */
        public double maxAbsoluteError() {
            double max = 0;
            for (Entry e : entries) {
                max = Double.isNaN(e.absoluteError()) ? Double.NaN : Math.max(max, e.absoluteError());
                if (Double.isNaN(max)) {
                    break;
                }
            }
            return max;
        }

        /** The largest relative error (NaN if any error is NaN). */
        public double maxRelativeError() {
            double max = 0;
            for (Entry e : entries) {
                max = Double.isNaN(e.relativeError()) ? Double.NaN : Math.max(max, e.relativeError());
                if (Double.isNaN(max)) {
                    break;
                }
            }
            return max;
        }

        /**
         * A table, one row per coordinate, then a summary line; for the survey's example at (2, 5):
         * <pre>
         * gradient check against central differences (eps 1e-06; pass if |ad - fd| &lt;= 1e-05 + 1e-03 |fd|)
         *     j            x_j        step                      ad            central diff   abs error   rel error  ok
         *     1   2.000000e+00    2.00e-06   5.500000000000000e+00   5.500000000027756e+00    2.78e-11    5.05e-12  yes
         *     2   5.000000e+00    5.00e-06   1.716337814536774e+00   1.716337814515218e+00    2.16e-11    1.26e-11  yes
         * PASSED: 2 of 2 coordinates within tolerance (max abs error 2.78e-11, max rel error 1.26e-11)
         * </pre>
         * A Jacobian check adds a first column {@code i} for the output.
         */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(vector ? "Jacobian" : "gradient").append(" check against central differences (eps ")
                    .append(sci(eps, 0)).append("; pass if |ad - fd| <= ").append(sci(atol, 0)).append(" + ")
                    .append(sci(rtol, 0)).append(" |fd|)\n");
            if (vector) {
                sb.append(String.format(Locale.ROOT, "  %3s", "i"));
            }
            sb.append(String.format(Locale.ROOT, "  %3s  %13s  %10s  %22s  %22s  %10s  %10s  %s%n",
                    "j", "x_j", "step", "ad", "central diff", "abs error", "rel error", "ok"));
            for (Entry e : entries) {
                if (vector) {
                    sb.append(String.format(Locale.ROOT, "  %3d", e.output() + 1));
                }
                sb.append(String.format(Locale.ROOT, "  %3d  %13s  %10s  %22s  %22s  %10s  %10s  %s%n",
                        e.input() + 1, sci(e.x(), 6), sci(e.step(), 2), sci(e.ad(), 15), sci(e.numeric(), 15),
                        sci(e.absoluteError(), 2), sci(e.relativeError(), 2), e.passed() ? "yes" : "NO"));
            }
            int failed = failures().size();
            sb.append(failed == 0 ? "PASSED: " : "FAILED: ").append(entries.size() - failed).append(" of ")
                    .append(entries.size()).append(" coordinates within tolerance (max abs error ")
                    .append(sci(maxAbsoluteError(), 2)).append(", max rel error ").append(sci(maxRelativeError(), 2))
                    .append(")\n");
            return sb.toString();
        }

        private static String sci(double d, int digits) {
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return String.format(Locale.ROOT, "%." + digits + "e", d);
        }
    }
}
