package bench.floor;

import bench.model.Rosenbrock;
import dev.ad4j.ScalarFunction;
import dev.ad4j.internal.runtime.Rt;
import dev.ad4j.internal.tape.Tape;

/**
 * {@link Rosenbrock} recorded on ad4j's own tape by calling its runtime helpers by hand, the
 * calls the rewriter emits for that loop ({@code Rt.daloadAt} per read, {@code Rt.acc3} per
 * {@code s += ...}) without the rest of a rewritten body (shadow caches, elementary-mode
 * helpers, locals). Differentiate it with {@code AD.gradient} like any function; it is not
 * instrumented, so it is the rewritten code at its leanest: between {@code checkedTapeFloor}
 * and {@code ad4j}, it tells the tape and runtime's share of the cost from the rewriter's.
 */
public final class RosenbrockRuntimeCalls implements ScalarFunction {

    @Override
    public double apply(double[] x) {
        Tape t = Rt.enter();
        int[] shadow = Rt.shadow(t, x);
        double s = 0;
        int own = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double x1 = x[i + 1];
            int i1 = Rt.daloadAt(t, shadow, i + 1, x1);
            double x0 = x[i];
            int i0 = Rt.daloadAt(t, shadow, i, x0);
            double a = x1 - x0 * x0;
            double b = 1 - x0;
            double r = s + (100 * a * a + b * b);
            own = Rt.acc3(t, 0, own, own, 1.0, i0, -400 * a * x0 - 2 * b, i1, 200 * a, r);
            s = r;
        }
        Rt.ret(t, own, s);
        return s;
    }
}
