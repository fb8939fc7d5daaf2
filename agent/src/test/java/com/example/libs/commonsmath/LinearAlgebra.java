package com.example.libs.commonsmath;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.util.MathArrays;

/**
 * User code on commons-math3's linear algebra and array utilities. Matrices are read row by row
 * from the input vector, as a model's parameters would be.
 */
public final class LinearAlgebra {

    private LinearAlgebra() {
    }

    /** The n x n matrix whose rows are consecutive slices of {@code x}. */
    public static double[][] square(double[] x, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * n, a[i], 0, n);
        }
        return a;
    }

    /** {@code det(A)} by LU, {@code A} the 4 x 4 matrix of {@code x}. */
    public static double luDeterminant(double[] x) {
        return new LUDecomposition(new Array2DRowRealMatrix(square(x, 4), false)).getDeterminant();
    }

    /** {@code c . A^{-1} b} by LU, with fixed {@code b} and {@code c}. */
    public static double luSolve(double[] x) {
        RealMatrix a = MatrixUtils.createRealMatrix(square(x, 4));
        RealVector sol = new LUDecomposition(a).getSolver().solve(new ArrayRealVector(new double[] {1, -2, 0.5, 3}));
        return sol.dotProduct(new ArrayRealVector(new double[] {0.3, 1, -1, 2}));
    }

    /** {@code log det(B B^T + 4 I)} by Cholesky, {@code B} the 4 x 4 matrix of {@code x}. */
    public static double choleskyLogDet(double[] x) {
        RealMatrix b = MatrixUtils.createRealMatrix(square(x, 4));
        RealMatrix a = b.multiply(b.transpose()).add(MatrixUtils.createRealIdentityMatrix(4).scalarMultiply(4));
        RealMatrix l = new CholeskyDecomposition(a).getL();
        double logDet = 0;
        for (int i = 0; i < 4; i++) {
            logDet += 2 * Math.log(l.getEntry(i, i));
        }
        return logDet;
    }

    /** The symmetric 4 x 4 matrix whose upper triangle, row by row, is {@code x} (10 entries). */
    public static double[][] symmetric(double[] x) {
        double[][] a = new double[4][4];
        int k = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = i; j < 4; j++) {
                a[i][j] = x[k];
                a[j][i] = x[k];
                k++;
            }
        }
        return a;
    }

    /** Weighted sum of the eigenvalues of the symmetric matrix of {@code x}. */
    public static double eigenvalues(double[] x) {
        double[] lambda = new EigenDecomposition(MatrixUtils.createRealMatrix(symmetric(x))).getRealEigenvalues();
        double s = 0;
        for (int i = 0; i < lambda.length; i++) {
            s += (i + 1) * lambda[i];
        }
        return s;
    }

    /** The largest singular value of the 4 x 3 matrix of {@code x} plus the smallest. */
    public static double singularValues(double[] x) {
        double[][] a = new double[4][3];
        for (int i = 0; i < 4; i++) {
            System.arraycopy(x, 3 * i, a[i], 0, 3);
        }
        double[] s = new SingularValueDecomposition(MatrixUtils.createRealMatrix(a)).getSingularValues();
        return s[0] + s[2];
    }

    /** Least-squares residual norm of a 5 x 3 system by QR; {@code x} holds the matrix's 15 entries. */
    public static double leastSquares(double[] x) {
        double[][] a = new double[5][3];
        for (int i = 0; i < 5; i++) {
            System.arraycopy(x, 3 * i, a[i], 0, 3);
        }
        RealMatrix m = MatrixUtils.createRealMatrix(a);
        RealVector b = new ArrayRealVector(new double[] {1, 2, 0.5, -1, 3});
        RealVector beta = new QRDecomposition(m).getSolver().solve(b);
        return m.operate(beta).subtract(b).getNorm();
    }

    /** {@code sum a_i b_i} by the accurate {@code MathArrays.linearCombination}, {@code a, b} the halves of {@code x}. */
    public static double linearCombination(double[] x) {
        int n = x.length / 2;
        return MathArrays.linearCombination(MathArrays.copyOfRange(x, 0, n), MathArrays.copyOfRange(x, n, 2 * n));
    }

    /** The scalar overloads of {@code linearCombination} on the first six inputs. */
    public static double linearCombinationScalars(double[] x) {
        return MathArrays.linearCombination(x[0], x[1], x[2], x[3])
                + MathArrays.linearCombination(x[0], x[1], x[2], x[3], x[4], x[5]);
    }

    /** {@code sum (a .* b)_i^2 + distance(a, b) + distance1(a, b)} with {@code a, b} the halves of {@code x}. */
    public static double elementwise(double[] x) {
        int n = x.length / 2;
        double[] a = MathArrays.copyOfRange(x, 0, n);
        double[] b = MathArrays.copyOfRange(x, n, 2 * n);
        double[] p = MathArrays.ebeMultiply(a, b);
        double s = 0;
        for (double v : p) {
            s += v * v;
        }
        return s + MathArrays.distance(a, b) + MathArrays.distance1(a, b);
    }

    /** The Frobenius norm of {@code inverse(A)}, {@code A} the 4 x 4 matrix of {@code x}, by {@code MatrixUtils.inverse}. */
    public static double inverseNorm(double[] x) {
        return MatrixUtils.inverse(MatrixUtils.createRealMatrix(square(x, 4))).getFrobeniusNorm();
    }
}
