package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * The survey's logistic map (Baydin et al., JMLR 2018, Table 1): {@code l(0) = x},
 * {@code l(k+1) = 4 l(k) (1 - l(k))}; the function is {@code l(n)}. One static call per step,
 * so it also measures the cost of calls and returns of instrumented code.
 */
public final class LogisticMap implements ScalarFunction {
    private final int n;

    /** @param n number of iterations */
    public LogisticMap(int n) {
        this.n = n;
    }

    /** Number of iterations. */
    public int n() {
        return n;
    }

    @Override
    public double apply(double[] x) {
        return iterate(x[0], n);
    }

    /** {@code l(n)} from {@code l(0) = l}. */
    public static double iterate(double l, int n) {
        for (int k = 0; k < n; k++) {
            l = step(l);
        }
        return l;
    }

    /** One step of the map. */
    public static double step(double l) {
        return 4 * l * (1 - l);
    }
}
