package com.example.corpus.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Length of a scaled polyline: a unit factor in a mutable static field, segments as a non-static
 * inner class reading the outer object's fields, and an anonymous class capturing local doubles.
 */
public final class InnerClassPolyline {

    static double unitScale = 1.0;

    interface Metric {
        double distance(double dx, double dy);
    }

    private final double anisotropy;
    private final List<Segment> segments = new ArrayList<>();

    private InnerClassPolyline(double anisotropy) {
        this.anisotropy = anisotropy;
    }

    final class Segment {
        final double dx;
        final double dy;

        Segment(double dx, double dy) {
            this.dx = dx;
            this.dy = dy;
        }

        double length(Metric metric) {
            return unitScale * metric.distance(dx * anisotropy, dy);
        }
    }

    /** @param x unit scale, anisotropy, exponent p, then four points (x, y) */
    public static double f(double[] x) {
        unitScale = x[0];
        InnerClassPolyline line = new InnerClassPolyline(x[1]);
        double p = x[2];
        for (int i = 3; i + 3 < x.length; i += 2) {
            line.segments.add(line.new Segment(x[i + 2] - x[i], x[i + 3] - x[i + 1]));
        }
        Metric minkowski = new Metric() {
            @Override
            public double distance(double dx, double dy) {
                return Math.pow(Math.pow(Math.abs(dx), p) + Math.pow(Math.abs(dy), p), 1 / p);
            }
        };
        double total = 0;
        for (Segment s : line.segments) {
            total += s.length(minkowski);
        }
        unitScale = 1.0;
        return total;
    }
}
