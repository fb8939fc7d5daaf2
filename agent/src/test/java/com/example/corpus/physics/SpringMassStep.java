package com.example.corpus.physics;

/** A damped mass on a spring advanced by semi-implicit Euler, its state held in object fields. */
public final class SpringMassStep {

    private SpringMassStep() {
    }

    static final class Particle {
        double position;
        double velocity;
        final double mass;

        Particle(double position, double velocity, double mass) {
            this.position = position;
            this.velocity = velocity;
            this.mass = mass;
        }

        double kineticEnergy() {
            return 0.5 * mass * velocity * velocity;
        }
    }

    static final class Spring {
        private final double stiffness;
        private final double damping;
        private final double restLength;

        Spring(double stiffness, double damping, double restLength) {
            this.stiffness = stiffness;
            this.damping = damping;
            this.restLength = restLength;
        }

        double force(Particle p) {
            return -stiffness * (p.position - restLength) - damping * p.velocity;
        }

        double potentialEnergy(Particle p) {
            double stretch = p.position - restLength;
            return 0.5 * stiffness * stretch * stretch;
        }
    }

    /** @param x stiffness, damping, mass, initial position, initial velocity; returns the final energy */
    public static double f(double[] x) {
        Particle p = new Particle(x[3], x[4], x[2]);
        Spring spring = new Spring(x[0], x[1], 1.0);
        double dt = 0.01;
        for (int step = 0; step < 200; step++) {
            p.velocity += dt * spring.force(p) / p.mass;
            p.position += dt * p.velocity;
        }
        return p.kineticEnergy() + spring.potentialEnergy(p);
    }
}
