package bench.model;

import dev.ad4j.ScalarFunction;

/** The extended Rosenbrock function {@code sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2}. */
public final class Rosenbrock implements ScalarFunction {

    @Override
    public double apply(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            s += 100 * a * a + b * b;
        }
        return s;
    }
}
