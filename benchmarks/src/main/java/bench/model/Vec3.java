package bench.model;

/**
 * An immutable point or displacement in 3-space, as value classes in numeric Java usually are
 * (Hipparchus' {@code Vector3D}, game and physics engines): every operation returns a new
 * object. Used by {@link MorseObjects}.
 */
public final class Vec3 {
    public final double x;
    public final double y;
    public final double z;

    public Vec3(double x, double y, double z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }
}
