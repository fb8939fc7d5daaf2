package bench.hand;

/** Derivative of {@link bench.model.LogisticMap}: the chain rule, {@code prod 4 (1 - 2 l(k))}. */
public final class LogisticMapHand {
    private LogisticMapHand() {
    }

    public static double[] gradient(double[] x, int n) {
        double l = x[0];
        double dl = 1;
        for (int k = 0; k < n; k++) {
            dl *= 4 * (1 - 2 * l);
            l = 4 * l * (1 - l);
        }
        return new double[] {dl};
    }
}
