package bench.floor;

/**
 * {@link bench.model.Rosenbrock} recorded by hand: the tape ad4j records for it, one statement
 * for the whole sum with two arguments per element ({@code x[i]}, {@code x[i+1]}).
 */
public final class RosenbrockFloor {
    private RosenbrockFloor() {
    }

    public static MinimalTape tapeFor(int n) {
        return new MinimalTape(n + 1, 2 * (n - 1));
    }

    public static double[] gradient(double[] x, MinimalTape t) {
        int n = x.length;
        t.begin(n);
        for (int i = 0; i < n - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            t.term(i + 1, -400 * a * x[i] - 2 * b);
            t.term(i + 2, 200 * a);
        }
        return t.gradient(t.close(), n);
    }
}
