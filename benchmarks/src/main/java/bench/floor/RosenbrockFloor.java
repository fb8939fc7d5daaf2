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

    /**
     * {@link #gradient} with the checks instrumentation cannot skip ({@link MinimalTape#read},
     * {@link MinimalTape#room}); {@code shadow} has the length of {@code x}. Nothing else is
     * added: no thread-local tape, no helper protocol, no appendability test; a lower bound for
     * any tape that, like ad4j's, accepts a read only after checking it.
     */
    public static double[] checkedGradient(double[] x, MinimalTape t, int[] shadow) {
        int n = x.length;
        t.beginChecked(x, shadow);
        double s = 0;
        for (int i = 0; i < n - 1; i++) {
            double x0 = x[i];
            int i0 = t.read(shadow[i], x0);
            double x1 = x[i + 1];
            int i1 = t.read(shadow[i + 1], x1);
            double a = x1 - x0 * x0;
            double b = 1 - x0;
            s += 100 * a * a + b * b;
            t.room(2);
            t.termIfActive(i0, -400 * a * x0 - 2 * b);
            t.termIfActive(i1, 200 * a);
        }
        return t.gradient(t.close(s), n);
    }
}
