package bench.floor;

import bench.model.LeastSquares;

/**
 * {@link bench.model.LeastSquares} recorded by hand: the tape ad4j records for it, one statement
 * per residual with an argument per column, one for the sum of squares, one for the halving.
 */
public final class LeastSquaresFloor {
    private LeastSquaresFloor() {
    }

    public static MinimalTape tapeFor(LeastSquares f, int n) {
        int m = f.a.length;
        return new MinimalTape(n + m + 2, m * n + m + 1);
    }

    public static double[] gradient(LeastSquares f, double[] x, MinimalTape t) {
        int m = f.a.length;
        int n = x.length;
        t.begin(n);
        double[] r = new double[m];
        int[] rPos = new int[m];
        for (int i = 0; i < m; i++) {
            double[] row = f.a[i];
            double ri = -f.b[i];
            for (int j = 0; j < n; j++) {
                ri += row[j] * x[j];
                t.term(j + 1, row[j]);
            }
            r[i] = ri;
            rPos[i] = t.close();
        }
        for (int i = 0; i < m; i++) {
            t.term(rPos[i], 2 * r[i]);
        }
        int s = t.close();
        t.term(s, 0.5);
        return t.gradient(t.close(), n);
    }
}
