package dev.ad4j.bench;

import bench.floor.LeastSquaresFloor;
import bench.floor.LogisticRegressionFloor;
import bench.floor.RosenbrockFloor;
import bench.floor.RosenbrockRuntimeCalls;
import bench.hand.LeastSquaresHand;
import bench.hand.LogisticRegressionHand;
import bench.hand.RosenbrockHand;
import bench.model.LeastSquares;
import bench.model.LogisticMap;
import bench.model.LogisticRegression;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.TapeStats;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Run once before measuring, in a JVM with the agent ({@code includes=bench.model.*}): checks
 * every benchmark's ad4j gradient against its hand-written gradient (and central finite
 * differences where they are affordable), prints the tape sizes, and prints the logistic
 * map's expression swell next to its tape size, and checks the hand-recorded tape floors.
 * Exit code 1 if any ad4j or floor gradient disagrees.
 */
public final class Check {
    private Check() {
    }

    /** Relative agreement expected of ad4j against the hand-written gradient (rounding only). */
    private static final double AD_TOL = 1e-9;
    /** Relative agreement expected of central differences (truncation and rounding). */
    private static final double FD_TOL = 1e-5;

    private static boolean failed;

    public static void main(String[] args) {
        System.out.println("# Gradient check (relative error = max|g - hand| / max(1, max|hand|))");
        System.out.printf(Locale.ROOT, "%-26s %8s %12s %12s %12s %14s%n",
                "problem", "inputs", "ad4j err", "FD err", "statements", "tape bytes");
        for (Rows.Row r : Rows.all(true)) {
            check(r.name(), r.f(), r.x(), r.hand(), r.small());
        }

        System.out.println();
        System.out.println("# Tape floors (bench.floor, recorded by hand): relative error against hand-written");
        double[] xr = Problems.rosenbrockPoint(1000);
        double[] rosenbrock = RosenbrockHand.gradient(xr);
        LogisticRegression lr = Problems.logisticRegression();
        double[] w = Problems.logisticRegressionPoint();
        double[] logReg = LogisticRegressionHand.gradient(lr, w);
        LeastSquares lsq = Problems.leastSquares();
        double[] x = Problems.leastSquaresPoint();
        checkFloor("Rosenbrock n=1000", RosenbrockFloor.gradient(xr, RosenbrockFloor.tapeFor(1000)), rosenbrock);
        checkFloor("Rosenbrock n=1000, checked", RosenbrockFloor.checkedGradient(xr, RosenbrockFloor.tapeFor(1000),
                new int[1000]), rosenbrock);
        checkFloor("Rosenbrock n=1000, Rt by hand", AD.gradient(new RosenbrockRuntimeCalls(), xr), rosenbrock);
        checkFloor("LogReg n=1000 d=50", LogisticRegressionFloor.gradient(lr, w, LogisticRegressionFloor.tapeFor(lr)),
                logReg);
        checkFloor("LogReg n=1000 d=50, checked", LogisticRegressionFloor.checkedGradient(lr, w,
                LogisticRegressionFloor.tapeFor(lr), new int[w.length]), logReg);
        checkFloor("Least squares 200x100", LeastSquaresFloor.gradient(lsq, x, LeastSquaresFloor.tapeFor(lsq, x.length)),
                LeastSquaresHand.gradient(lsq, x));

        System.out.println();
        System.out.println("# Logistic map: unsimplified symbolic derivative vs ad4j tape (x = 0.3)");
        System.out.printf(Locale.ROOT, "%5s %16s %16s %12s %12s%n",
                "n", "l(n) nodes", "dl(n)/dx nodes", "statements", "arguments");
        for (int n : new int[] {1, 2, 3, 4, 5, 10, 20, 50, 100}) {
            ExpressionSwell.Sizes s = ExpressionSwell.sizes(n);
            AD.gradient(new LogisticMap(n), Problems.logisticMapPoint());
            TapeStats t = AD.lastTapeStats();
            System.out.printf(Locale.ROOT, "%5d %16s %16s %12d %12d%n",
                    n, sci(s.function()), sci(s.derivative()), t.statements(), t.arguments());
        }
        System.exit(failed ? 1 : 0);
    }

    private static void check(String name, ScalarFunction f, double[] x, Supplier<double[]> hand, boolean withFd) {
        double[] h = hand.get();
        String adErr;
        String fdErr = "-";
        long statements = -1;
        long bytes = -1;
        try {
            // The tape of the gradient itself (one statement per store), as the benchmarks measure it.
            double[] g = AD.gradient(f, x);
            TapeStats stats = AD.lastTapeStats();
            double e = relError(g, h);
            adErr = String.format(Locale.ROOT, "%.1e", e);
            statements = stats.statements();
            bytes = stats.bytes();
            if (!(e <= AD_TOL)) {
                failed = true;
                adErr += " MISMATCH";
                reportMismatch(name, x, g, h);
            }
        } catch (RuntimeException e) {
            failed = true;
            adErr = "FAILED: " + e;
        }
        if (withFd) {
            double e = relError(FiniteDifferences.central(f, x), h);
            fdErr = String.format(Locale.ROOT, "%.1e%s", e, e <= FD_TOL ? "" : " (!)");
        }
        System.out.printf(Locale.ROOT, "%-26s %8d %12s %12s %12d %14d%n", name, x.length, adErr, fdErr, statements, bytes);
    }

    private static void checkFloor(String name, double[] floor, double[] hand) {
        double e = relError(floor, hand);
        boolean ok = e <= AD_TOL;
        failed |= !ok;
        System.out.printf(Locale.ROOT, "%-30s %12.1e%s%n", name, e, ok ? "" : " MISMATCH");
    }

    private static void reportMismatch(String name, double[] x, double[] g, double[] h) {
        int worst = 0;
        for (int i = 0; i < g.length; i++) {
            if (Math.abs(g[i] - h[i]) > Math.abs(g[worst] - h[worst])) {
                worst = i;
            }
        }
        System.out.printf(Locale.ROOT, "  %s: worst component %d at x[%d] = %s: ad4j %s, hand-written %s%n",
                name, worst, worst, x[worst], g[worst], h[worst]);
    }

    static double relError(double[] g, double[] h) {
        double err = 0;
        double scale = 1;
        for (int i = 0; i < h.length; i++) {
            err = Math.max(err, Math.abs(g[i] - h[i]));
            scale = Math.max(scale, Math.abs(h[i]));
        }
        return err / scale;
    }

    private static String sci(java.math.BigInteger v) {
        return v.bitLength() < 40 ? v.toString() : String.format(Locale.ROOT, "%.3e", v.doubleValue());
    }
}
