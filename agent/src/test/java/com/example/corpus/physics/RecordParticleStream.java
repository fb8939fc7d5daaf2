package com.example.corpus.physics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Particles as Java records advanced through a stream whose lambda captures the time step (a
 * double), sorted by a record accessor through a JDK comparator, then the kinetic energy of the
 * three fastest summed in a loop.
 */
public final class RecordParticleStream {

    private RecordParticleStream() {
    }

    record Particle(double mass, double position, double velocity) {
        Particle advance(double dt, double drag) {
            double v = velocity * (1 - drag * dt) - 9.81 * dt;
            return new Particle(mass, position + v * dt, v);
        }

        double kineticEnergy() {
            return 0.5 * mass * velocity * velocity;
        }
    }

    /** @param x drag, time step, then (mass, velocity) of five particles */
    public static double f(double[] x) {
        double drag = x[0];
        double dt = x[1];
        List<Particle> particles = new ArrayList<>();
        for (int i = 2; i < x.length; i += 2) {
            particles.add(new Particle(x[i], 0, x[i + 1]));
        }
        for (int step = 0; step < 10; step++) {
            particles = particles.stream().map(p -> p.advance(dt, drag)).toList();
        }
        List<Particle> fastest = particles.stream()
                .sorted(Comparator.comparingDouble(Particle::velocity).reversed())
                .limit(3)
                .toList();
        double energy = 0;
        for (Particle p : fastest) {
            energy += p.kineticEnergy() + p.mass() * 9.81 * p.position();
        }
        return energy;
    }
}
