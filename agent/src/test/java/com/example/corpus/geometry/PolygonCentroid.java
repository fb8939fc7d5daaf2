package com.example.corpus.geometry;

import java.util.ArrayList;
import java.util.List;

/** Shoelace area and centroid of a polygon built from immutable point objects in a list. */
public final class PolygonCentroid {

    private PolygonCentroid() {
    }

    static final class Point {
        final double x;
        final double y;

        Point(double x, double y) {
            this.x = x;
            this.y = y;
        }

        double cross(Point o) {
            return x * o.y - y * o.x;
        }
    }

    static final class Polygon {
        private final List<Point> vertices = new ArrayList<>();

        Polygon add(double x, double y) {
            vertices.add(new Point(x, y));
            return this;
        }

        double signedArea() {
            double twice = 0;
            for (int i = 0; i < vertices.size(); i++) {
                twice += vertices.get(i).cross(vertices.get((i + 1) % vertices.size()));
            }
            return twice / 2;
        }

        Point centroid() {
            double cx = 0;
            double cy = 0;
            for (int i = 0; i < vertices.size(); i++) {
                Point p = vertices.get(i);
                Point q = vertices.get((i + 1) % vertices.size());
                double w = p.cross(q);
                cx += (p.x + q.x) * w;
                cy += (p.y + q.y) * w;
            }
            double sixA = 6 * signedArea();
            return new Point(cx / sixA, cy / sixA);
        }
    }

    /** @param x vertex coordinates (x0, y0, x1, y1, ...) of a counter-clockwise polygon */
    public static double f(double[] x) {
        Polygon polygon = new Polygon();
        for (int i = 0; i < x.length; i += 2) {
            polygon.add(x[i], x[i + 1]);
        }
        Point c = polygon.centroid();
        return polygon.signedArea() * Math.hypot(c.x - 0.2, c.y + 0.1);
    }
}
