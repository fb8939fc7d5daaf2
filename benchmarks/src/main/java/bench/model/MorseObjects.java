package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * {@link Morse}'s potential written object-oriented: the positions become {@link Vec3} objects
 * and each pair's distance is {@code p[i].minus(p[j]).norm()}, a new object and two calls into
 * another class per pair. The same function as {@link Morse}, to the last bit.
 */
public final class MorseObjects implements ScalarFunction {
    public final double depth;
    public final double width;
    public final double r0;

    public MorseObjects(double depth, double width, double r0) {
        this.depth = depth;
        this.width = width;
        this.r0 = r0;
    }

    @Override
    public double apply(double[] x) {
        int atoms = x.length / 3;
        Vec3[] p = new Vec3[atoms];
        for (int i = 0; i < atoms; i++) {
            p[i] = new Vec3(x[3 * i], x[3 * i + 1], x[3 * i + 2]);
        }
        double e = 0;
        for (int i = 0; i < atoms; i++) {
            for (int j = i + 1; j < atoms; j++) {
                double r = p[i].minus(p[j]).norm();
                double q = 1 - Math.exp(-width * (r - r0));
                e += depth * q * q;
            }
        }
        return e;
    }
}
