package com.example.corpus.physics;

/**
 * Total energy of a charged pendulum in an electric field, through an abstract base class, a
 * subclass overriding a template method and calling {@code super}.
 */
public final class PendulumEnergy {

    static final double G = 9.81;
    static final double FIELD = 3.0;

    private PendulumEnergy() {
    }

    abstract static class Body {
        protected final double mass;

        Body(double mass) {
            this.mass = mass;
        }

        abstract double kinetic();

        abstract double potential();

        double total() {
            return kinetic() + potential();
        }
    }

    static class Pendulum extends Body {
        protected final double length;
        protected final double angle;
        protected final double angularVelocity;

        Pendulum(double mass, double length, double angle, double angularVelocity) {
            super(mass);
            this.length = length;
            this.angle = angle;
            this.angularVelocity = angularVelocity;
        }

        @Override
        double kinetic() {
            double v = length * angularVelocity;
            return 0.5 * mass * v * v;
        }

        @Override
        double potential() {
            return mass * G * length * (1 - Math.cos(angle));
        }
    }

    static final class ChargedPendulum extends Pendulum {
        private final double charge;

        ChargedPendulum(double mass, double length, double angle, double angularVelocity, double charge) {
            super(mass, length, angle, angularVelocity);
            this.charge = charge;
        }

        @Override
        double potential() {
            return super.potential() + charge * FIELD * length * Math.sin(angle);
        }
    }

    /** @param x mass, length, angle, angular velocity, charge */
    public static double f(double[] x) {
        Body body = new ChargedPendulum(x[0], x[1], x[2], x[3], x[4]);
        return body.total();
    }

    /** E = m L^2 w^2 / 2 + m g L (1 - cos a) + q E L sin a, differentiated by hand. */
    public static double[] gradient(double[] x) {
        double m = x[0];
        double l = x[1];
        double a = x[2];
        double w = x[3];
        double q = x[4];
        return new double[] {
            0.5 * l * l * w * w + G * l * (1 - Math.cos(a)),
            m * l * w * w + m * G * (1 - Math.cos(a)) + q * FIELD * Math.sin(a),
            m * G * l * Math.sin(a) + q * FIELD * l * Math.cos(a),
            m * l * l * w,
            FIELD * l * Math.sin(a),
        };
    }
}
