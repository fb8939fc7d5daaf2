package com.example.numeric;

/**
 * Calls between methods of one class, the shapes a recording body enters directly (static,
 * private, final, recursive) and the ones it must not (synchronized, overridable), each with its
 * gradient in closed form.
 */
public class Calls {

    private final double scale;

    public Calls(double scale) {
        this.scale = scale;
    }

    /** f = sq(x0) * x1 + cube(x1) + scaled(x0) + twice(x0 * x1), over static, private and final calls. */
    public static double mixed(double[] x) {
        Calls c = new Calls(3.0);
        return sq(x[0]) * x[1] + cube(x[1]) + c.scaled(x[0]) + c.twice(x[0] * x[1]);
    }

    public static double[] mixedGradient(double[] x) {
        return new double[] {2 * x[0] * x[1] + 3.0 + 2 * x[1], x[0] * x[0] + 3 * x[1] * x[1] + 2 * x[0]};
    }

    /** f = x0^n * x1 by recursion, n = 5. */
    public static double power(double[] x) {
        return pow(x[0], 5) * x[1];
    }

    public static double[] powerGradient(double[] x) {
        return new double[] {5 * Math.pow(x[0], 4) * x[1], Math.pow(x[0], 5)};
    }

    /** f = locked(x0, x1) + overridable(x1): through a synchronized method and a virtual one. */
    public static double guarded(double[] x) {
        Calls c = new Calls(2.0);
        return locked(x[0], x[1]) + c.overridable(x[1]);
    }

    public static double[] guardedGradient(double[] x) {
        return new double[] {x[1], x[0] + 2.0};
    }

    /** A private instance method on a null receiver: fails as the plain call would. */
    public static double nullReceiver(double[] x) {
        Calls c = x.length > 100 ? new Calls(1.0) : null;
        return c.scaled(x[0]);
    }

    static double sq(double v) {
        return v * v;
    }

    private static double cube(double v) {
        return v * sq(v);
    }

    private double scaled(double v) {
        return scale * v;
    }

    final double twice(double v) {
        return v + v;
    }

    static double pow(double v, int n) {
        return n == 0 ? 1.0 : v * pow(v, n - 1);
    }

    static synchronized double locked(double a, double b) {
        if (!Thread.holdsLock(Calls.class)) {
            throw new IllegalStateException("entered without the monitor");
        }
        return a * b;
    }

    double overridable(double v) {
        return scale * v;
    }
}
