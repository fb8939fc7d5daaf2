package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * Linear least squares {@code |A x - b|^2 / 2} with a dense {@code m x n} matrix held as rows
 * ({@code double[][]}), the residual accumulated element by element in an array, as a textbook
 * matrix-vector product is written: {@code r[i] += a[i][j] * x[j]}.
 */
public final class LeastSquares implements ScalarFunction {
    public final double[][] a;
    public final double[] b;

    public LeastSquares(double[][] a, double[] b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public double apply(double[] x) {
        int m = a.length;
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = -b[i];
            for (int j = 0; j < x.length; j++) {
                r[i] += a[i][j] * x[j];
            }
        }
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += r[i] * r[i];
        }
        return s / 2;
    }
}
