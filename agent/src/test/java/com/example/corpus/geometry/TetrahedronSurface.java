package com.example.corpus.geometry;

/** Surface area and volume of a tetrahedron mesh with an immutable 3-D vector class and index faces. */
public final class TetrahedronSurface {

    private static final int[][] FACES = {{0, 2, 1}, {0, 1, 3}, {1, 2, 3}, {0, 3, 2}};

    private TetrahedronSurface() {
    }

    static final class Vec3 {
        final double x;
        final double y;
        final double z;

        Vec3(double x, double y, double z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        Vec3 minus(Vec3 o) {
            return new Vec3(x - o.x, y - o.y, z - o.z);
        }

        Vec3 cross(Vec3 o) {
            return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
        }

        double dot(Vec3 o) {
            return x * o.x + y * o.y + z * o.z;
        }

        double length() {
            return Math.sqrt(dot(this));
        }
    }

    /** @param x four vertices (x, y, z each), flattened */
    public static double f(double[] x) {
        Vec3[] v = new Vec3[4];
        for (int i = 0; i < 4; i++) {
            v[i] = new Vec3(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        }
        double area = 0;
        for (int[] face : FACES) {
            Vec3 n = v[face[1]].minus(v[face[0]]).cross(v[face[2]].minus(v[face[0]]));
            area += 0.5 * n.length();
        }
        double volume = v[1].minus(v[0]).dot(v[2].minus(v[0]).cross(v[3].minus(v[0]))) / 6;
        return area + 2 * volume;
    }
}
