package dev.ad4j.fuzz;

import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import java.util.Arrays;

/**
 * Decides whether one program behaves: primal results bit-identical with and without ad4j
 * (outside and inside a recording), and the AD gradient equal to central finite differences.
 * A disagreement only counts when two step sizes agree with each other but not with AD; when
 * the steps disagree the point is near a kink or branch boundary and the program is skipped.
 */
final class Oracle {

    /** Relative tolerance between AD and finite differences (absolute below magnitude 1). */
    static final double TOLERANCE = 1e-6;

    /** Outcome of one check. */
    enum Outcome { OK, SKIPPED, MISMATCH }

    /**
     * @param outcome the outcome
     * @param kind a short, stable label (the minimiser keeps a failure of the same kind)
     * @param detail what was seen
     */
    record Verdict(Outcome outcome, String kind, String detail) {
        static final Verdict OK = new Verdict(Outcome.OK, "ok", "");

        static Verdict skip(String why) {
            return new Verdict(Outcome.SKIPPED, why, why);
        }

        static Verdict skip(String kind, String detail) {
            return new Verdict(Outcome.SKIPPED, kind, detail);
        }

        static Verdict mismatch(String kind, String detail) {
            return new Verdict(Outcome.MISMATCH, kind, detail);
        }
    }

    private Oracle() {
    }

    static Verdict check(ScalarFunction plain, ScalarFunction instrumented, double[] x) {
        double p;
        try {
            p = plain.apply(x.clone());
        } catch (RuntimeException | StackOverflowError e) {
            return Verdict.skip("plain program throws", e.toString());
        }
        if (!Double.isFinite(p) || Math.abs(p) > 1e8) {
            return Verdict.skip("value not finite or too large");
        }
        double q;
        try {
            q = instrumented.apply(x.clone());
        } catch (RuntimeException | Error e) {
            return Verdict.mismatch("instrumented-throws", "instrumented program throws " + e);
        }
        if (Double.doubleToRawLongBits(p) != Double.doubleToRawLongBits(q)) {
            return Verdict.mismatch("primal", "primal " + p + " (plain) vs " + q + " (instrumented)");
        }
        ValueAndGradient vg;
        try {
            vg = AD.valueAndGradient(instrumented, x.clone());
        } catch (RuntimeException | Error e) {
            double[] fd = differences(plain, x, 1e-5);
            if (isZero(fd) && isZero(differences(plain, x, 1e-6))) {
                return Verdict.skip("output does not depend on the input");
            }
            return Verdict.mismatch("gradient-throws", "AD.valueAndGradient throws " + e + "; differences "
                    + Arrays.toString(fd));
        }
        if (Double.doubleToRawLongBits(p) != Double.doubleToRawLongBits(vg.value())) {
            return Verdict.mismatch("primal-recording", "primal " + p + " (plain) vs " + vg.value() + " (recording)");
        }
        double largest = largestIntermediate();
        Verdict v = compare(plain, x, vg.gradient(), largest);
        return v.outcome() == Outcome.MISMATCH ? excuse(v, largest) : v;
    }

    /**
     * Compares an AD gradient with finite differences of {@code f} at {@code x}; {@code largest}
     * is the largest magnitude among the recording's values ({@link #largestIntermediate}).
     */
    static Verdict compare(ScalarFunction f, double[] x, double[] ad, double largest) {
        Verdict v = judge(f.apply(x.clone()), ad, largest, differences(f, x, 1e-5), differences(f, x, 1e-6),
                differences(f, x, 1e-7), differences(f, x, 1e-8));
        return v.outcome() == Outcome.MISMATCH && onKnifeEdge(f, x) ? KNIFE_EDGE : v;
    }

    static final Verdict KNIFE_EDGE = Verdict.skip("a branch at the point is decided by rounding");

    /**
     * Whether {@code f} jumps within a few ulps of {@code x}: a comparison such as
     * {@code u > (u - a) + a} is then decided by rounding at x itself, AD follows the branch taken
     * at x (branches follow the primal) and differences see the neighbours' branch.
     */
    static boolean onKnifeEdge(ScalarFunction f, double[] x) {
        double fx = f.apply(x.clone());
        for (int i = 0; i < x.length; i++) {
            for (int ulps = 1; ulps <= 4; ulps *= 2) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] = x[i] + ulps * Math.ulp(x[i]);
                down[i] = x[i] - ulps * Math.ulp(x[i]);
                double jump = Math.max(Math.abs(f.apply(up) - fx), Math.abs(f.apply(down) - fx));
                if (jump > 1e-9 * Math.max(1, Math.abs(fx))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Compares an AD gradient with central differences taken with steps 1e-5, 1e-6 and 1e-7. A
     * program can branch on a value that oscillates faster than any of the steps (a sine of a
     * huge argument), so that x ± h land in another branch than x: two steps then agree with
     * each other on the other branch's slope. Only when all three steps agree is the point
     * smooth enough to accuse AD. The smallest step (1e-8, rounding noise about 1e-8 |f|) only
     * acquits: it resolves derivatives of terms that oscillate with an amplitude below the larger
     * steps' reach (a sine of a huge argument under a saturating atan), where all other steps
     * agree on a wrong slope of about zero.
     */
    static Verdict judge(double value, double[] ad, double largest, double[] fd1, double[] fd2, double[] fd3,
            double[] fd4) {
        // Rounding in f(x ± h) makes differences noisy by about ulp(f) / h: allow for it. When an
        // intermediate much larger than f cancels out ((s - d) + d with a huge d), f's rounding is
        // that of the intermediate: ulp(largest) / h, allowed for with a margin of 8 per step.
        double noise = 1e-8 * Math.abs(value);
        double cancel = largest <= HUGE_INTERMEDIATE ? 8 * Math.ulp(largest) : 0; // beyond: excuse()
        for (double g : ad) {
            if (!Double.isFinite(g) || Math.abs(g) > 1e8) {
                return Verdict.skip("gradient not finite or too large");
            }
        }
        if (agree(ad, fd1, TOLERANCE, noise + cancel / 1e-5) || agree(ad, fd2, TOLERANCE, noise + cancel / 1e-6)
                || agree(ad, fd3, TOLERANCE, 10 * noise) || agree(ad, fd4, TOLERANCE, 100 * noise)) {
            return Verdict.OK;
        }
        if (!agree(fd1, fd2, 1e-4, noise) || !agree(fd2, fd3, 1e-4, 10 * noise)) {
            return Verdict.skip("not smooth at the point");
        }
        int worst = worst(ad, fd1);
        return Verdict.mismatch("gradient", "gradient component " + worst + ": AD " + ad[worst] + ", differences "
                + fd1[worst] + " (step 1e-5) / " + fd2[worst] + " (step 1e-6); AD " + Arrays.toString(ad)
                + ", differences " + Arrays.toString(fd1));
    }

    /** @return central differences with step {@code rel * max(1, |x_i|)} */
    static double[] differences(ScalarFunction f, double[] x, double rel) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = rel * Math.max(1, Math.abs(x[i]));
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            h = (up[i] - down[i]) / 2; // the step actually taken, after rounding
            g[i] = (f.apply(up) - f.apply(down)) / (2 * h);
        }
        return g;
    }

    private static boolean agree(double[] a, double[] b, double tol, double noise) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i]))) + noise)) {
                return false;
            }
        }
        return true;
    }

    private static int worst(double[] a, double[] b) {
        int w = 0;
        for (int i = 1; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > Math.abs(a[w] - b[w])) {
                w = i;
            }
        }
        return w;
    }

    private static boolean isZero(double[] g) {
        for (double v : g) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /** Intermediates beyond this make differences meaningless: x + huge - huge rounds x away. */
    static final double HUGE_INTERMEDIATE = 1e12;

    /**
     * A disagreement where the recording held intermediates beyond {@link #HUGE_INTERMEDIATE} is
     * a skip: {@code (t + w) - w} with a huge {@code w} has derivative 1 in t, which AD gives,
     * while its rounded values do not change with t, which differences see.
     */
    static Verdict excuse(Verdict mismatch, double largest) {
        if (largest > HUGE_INTERMEDIATE) {
            return Verdict.skip("intermediates beyond 1e12 (rounding decides the differences)");
        }
        return mismatch;
    }

    /** @return the largest magnitude among the values of this thread's last recording */
    static double largestIntermediate() {
        dev.ad4j.internal.tape.Tape t = dev.ad4j.internal.tape.Tape.forCurrentThread();
        double[] values = t.values();
        double largest = 0;
        for (int s = 1; s <= t.size() && s < values.length; s++) {
            largest = Math.max(largest, Math.abs(values[s]));
        }
        return largest;
    }
}
