package com.example.corpus.physics;

/** A projectile with quadratic air drag, integrated with immutable 2-D vectors (a new object per step). */
public final class ProjectileWithDrag {

    private ProjectileWithDrag() {
    }

    static final class Vec2 {
        final double x;
        final double y;

        Vec2(double x, double y) {
            this.x = x;
            this.y = y;
        }

        Vec2 plus(Vec2 o) {
            return new Vec2(x + o.x, y + o.y);
        }

        Vec2 times(double s) {
            return new Vec2(s * x, s * y);
        }

        double norm() {
            return Math.hypot(x, y);
        }
    }

    /** @param p launch speed, launch angle (radians), drag coefficient per unit mass */
    public static double f(double[] p) {
        double speed = p[0];
        double angle = p[1];
        double drag = p[2];
        Vec2 position = new Vec2(0, 0);
        Vec2 velocity = new Vec2(speed * Math.cos(angle), speed * Math.sin(angle));
        Vec2 gravity = new Vec2(0, -9.81);
        double dt = 0.005;
        for (int i = 0; i < 300; i++) {
            Vec2 acceleration = gravity.plus(velocity.times(-drag * velocity.norm()));
            velocity = velocity.plus(acceleration.times(dt));
            position = position.plus(velocity.times(dt));
        }
        return position.x + 0.5 * position.y;
    }
}
