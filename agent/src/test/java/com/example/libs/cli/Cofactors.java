package com.example.libs.cli;

/** Cofactors of a 4 x 4 matrix (row-major): the gradient of its determinant. */
public final class Cofactors {

    private Cofactors() {
    }

    public static double[] of4x4(double[] a) {
        double[] c = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double[] m = new double[9];
                int k = 0;
                for (int r = 0; r < 4; r++) {
                    for (int s = 0; s < 4; s++) {
                        if (r != i && s != j) {
                            m[k++] = a[4 * r + s];
                        }
                    }
                }
                double minor = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                        + m[2] * (m[3] * m[7] - m[4] * m[6]);
                c[4 * i + j] = ((i + j) % 2 == 0 ? 1 : -1) * minor;
            }
        }
        return c;
    }
}
