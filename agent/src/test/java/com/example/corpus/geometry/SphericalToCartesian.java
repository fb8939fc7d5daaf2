package com.example.corpus.geometry;

/** Spherical to Cartesian coordinates followed by a fixed rotation held in a matrix field (a vector function). */
public final class SphericalToCartesian {

    static final double[][] ROTATION = rotation(0.3);

    private SphericalToCartesian() {
    }

    static double[][] rotation(double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
    }

    static final class SphericalPoint {
        private final double radius;
        private final double polar;
        private final double azimuth;

        SphericalPoint(double radius, double polar, double azimuth) {
            this.radius = radius;
            this.polar = polar;
            this.azimuth = azimuth;
        }

        double[] toCartesian() {
            double sinPolar = Math.sin(polar);
            return new double[] {
                radius * sinPolar * Math.cos(azimuth),
                radius * sinPolar * Math.sin(azimuth),
                radius * Math.cos(polar),
            };
        }
    }

    static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    /** @param x radius, polar angle, azimuth */
    public static double[] f(double[] x) {
        return multiply(ROTATION, new SphericalPoint(x[0], x[1], x[2]).toCartesian());
    }

    /** R times the Jacobian of the spherical map. */
    public static double[][] jacobian(double[] x) {
        double r = x[0];
        double st = Math.sin(x[1]);
        double ct = Math.cos(x[1]);
        double sp = Math.sin(x[2]);
        double cp = Math.cos(x[2]);
        double[][] j = {
            {st * cp, r * ct * cp, -r * st * sp},
            {st * sp, r * ct * sp, r * st * cp},
            {ct, -r * st, 0},
        };
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                for (int m = 0; m < 3; m++) {
                    out[i][k] += ROTATION[i][m] * j[m][k];
                }
            }
        }
        return out;
    }
}
