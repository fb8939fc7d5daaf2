package com.example.libs.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * User code on EJML's dense row-major matrices: the matrix data is the input vector (row by
 * row), as when a model's parameters are a matrix.
 */
public final class DenseModels {

    private DenseModels() {
    }

    /** The n x n matrix whose row-major data is {@code x}. */
    public static DMatrixRMaj square(double[] x) {
        int n = (int) Math.round(Math.sqrt(x.length));
        return new DMatrixRMaj(n, n, true, x);
    }

    /** {@code det(A)}: EJML uses minor expansion up to 6 x 6 and LU above. */
    public static double det(double[] x) {
        return CommonOps_DDRM.det(square(x));
    }

    /** {@code c . A^{-1} b} by {@code CommonOps_DDRM.solve}, with {@code b = (1..n)} and {@code c = (1, -1, 1, ...)}. */
    public static double solve(double[] x) {
        DMatrixRMaj a = square(x);
        int n = a.numRows;
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            b.set(i, 0, i + 1);
        }
        DMatrixRMaj sol = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, b, sol)) {
            throw new IllegalArgumentException("singular");
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i % 2 == 0 ? 1 : -1) * sol.get(i, 0);
        }
        return s;
    }

    /** The sum of the entries of {@code A^{-1}} by {@code CommonOps_DDRM.invert}. */
    public static double inverseSum(double[] x) {
        DMatrixRMaj inv = new DMatrixRMaj(1, 1);
        inv.reshape((int) Math.round(Math.sqrt(x.length)), (int) Math.round(Math.sqrt(x.length)));
        if (!CommonOps_DDRM.invert(square(x), inv)) {
            throw new IllegalArgumentException("singular");
        }
        return CommonOps_DDRM.elementSum(inv);
    }

    /** {@code log det(B B^T + n I)} from EJML's Cholesky factor, {@code B} the matrix of {@code x}. */
    public static double choleskyLogDet(double[] x) {
        DMatrixRMaj b = square(x);
        int n = b.numRows;
        DMatrixRMaj a = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(n, a);
        CommonOps_DDRM.multAddTransB(b, b, a);
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(a)) {
            throw new IllegalArgumentException("not positive definite");
        }
        DMatrixRMaj l = chol.getT(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += 2 * Math.log(l.get(i, i));
        }
        return logDet;
    }

    /** The weighted sum of the (sorted) eigenvalues of the symmetric matrix {@code (A + A^T) / 2}. */
    public static double symmetricEigenvalues(double[] x) {
        DMatrixRMaj a = square(x);
        DMatrixRMaj s = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.transpose(a, s);
        CommonOps_DDRM.addEquals(s, a);
        CommonOps_DDRM.scale(0.5, s);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(s.numRows, false, true);
        if (!eig.decompose(s)) {
            throw new IllegalArgumentException("eigen decomposition failed");
        }
        double[] lambda = new double[s.numRows];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(lambda);
        double sum = 0;
        for (int i = 0; i < lambda.length; i++) {
            sum += (i + 1) * lambda[i];
        }
        return sum;
    }

    /** The nuclear norm (sum of singular values) of the matrix of {@code x}. */
    public static double nuclearNorm(double[] x) {
        DMatrixRMaj a = square(x);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, false, true);
        if (!svd.decompose(a.copy())) {
            throw new IllegalArgumentException("svd failed");
        }
        double sum = 0;
        for (double s : svd.getSingularValues()) {
            sum += s;
        }
        return sum;
    }

    /** {@code sum |R_ii|} from EJML's Householder QR: {@code |det A|} up to the product. */
    public static double qrDiagonal(double[] x) {
        DMatrixRMaj a = square(x);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(a.numRows, a.numCols);
        if (!qr.decompose(a.copy())) {
            throw new IllegalArgumentException("qr failed");
        }
        DMatrixRMaj r = qr.getR(null, true);
        double s = 0;
        for (int i = 0; i < r.numRows; i++) {
            s += Math.abs(r.get(i, i));
        }
        return s + NormOps_DDRM.normF(a);
    }
}
