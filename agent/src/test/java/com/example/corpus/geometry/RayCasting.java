package com.example.corpus.geometry;

/**
 * Sum of ray hit distances over a scene of surfaces behind an interface; a miss is signalled by
 * a checked exception that the caller catches and charges a fixed penalty for.
 */
public final class RayCasting {

    private RayCasting() {
    }

    static final class MissException extends Exception {
        MissException(String what) {
            super(what, null, false, false);
        }
    }

    static final class Ray {
        final double[] origin;
        final double[] direction;

        Ray(double[] origin, double[] direction) {
            this.origin = origin;
            double n = Math.sqrt(dot(direction, direction));
            this.direction = new double[] {direction[0] / n, direction[1] / n, direction[2] / n};
        }
    }

    interface Surface {
        double hit(Ray ray) throws MissException;
    }

    static final class Plane implements Surface {
        private final double[] normal;
        private final double offset;

        Plane(double[] normal, double offset) {
            this.normal = normal;
            this.offset = offset;
        }

        @Override
        public double hit(Ray ray) throws MissException {
            double denominator = dot(normal, ray.direction);
            if (Math.abs(denominator) < 1e-9) {
                throw new MissException("parallel");
            }
            double t = (offset - dot(normal, ray.origin)) / denominator;
            if (t < 0) {
                throw new MissException("behind");
            }
            return t;
        }
    }

    static final class Sphere implements Surface {
        private final double[] center;
        private final double radius;

        Sphere(double[] center, double radius) {
            this.center = center;
            this.radius = radius;
        }

        @Override
        public double hit(Ray ray) throws MissException {
            double[] oc = {ray.origin[0] - center[0], ray.origin[1] - center[1], ray.origin[2] - center[2]};
            double b = dot(oc, ray.direction);
            double c = dot(oc, oc) - radius * radius;
            double discriminant = b * b - c;
            if (discriminant < 0) {
                throw new MissException("no intersection");
            }
            return -b - Math.sqrt(discriminant);
        }
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** @param x ray origin (3), ray direction (3), sphere radius */
    public static double f(double[] x) {
        Ray ray = new Ray(new double[] {x[0], x[1], x[2]}, new double[] {x[3], x[4], x[5]});
        Surface[] scene = {
            new Plane(new double[] {0, 0, 1}, 5.0),
            new Plane(new double[] {0, 0, 1}, -5.0),
            new Sphere(new double[] {0.5, 0.3, 3.0}, x[6]),
            new Sphere(new double[] {20, 20, 3.0}, 1.0),
        };
        double total = 0;
        int misses = 0;
        for (Surface s : scene) {
            try {
                total += s.hit(ray);
            } catch (MissException e) {
                misses++;
            }
        }
        return total + 10.0 * misses;
    }
}
