package com.example.corpus.geometry;

import java.util.List;

/**
 * Area plus a tenth of the perimeter, summed over a list of shapes: an interface, an abstract
 * class, overrides that call {@code super}, virtual and interface dispatch.
 */
public final class ShapeAreas {

    private ShapeAreas() {
    }

    interface Shape {
        double area();

        double perimeter();

        default double cost() {
            return area() + 0.1 * perimeter();
        }
    }

    abstract static class Polygonal implements Shape {
        abstract double[] sides();

        @Override
        public double perimeter() {
            double p = 0;
            for (double s : sides()) {
                p += s;
            }
            return p;
        }
    }

    static final class Circle implements Shape {
        private final double radius;

        Circle(double radius) {
            this.radius = radius;
        }

        @Override
        public double area() {
            return Math.PI * radius * radius;
        }

        @Override
        public double perimeter() {
            return 2 * Math.PI * radius;
        }
    }

    static class Rectangle extends Polygonal {
        protected final double width;
        protected final double height;

        Rectangle(double width, double height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public double area() {
            return width * height;
        }

        @Override
        double[] sides() {
            return new double[] {width, height, width, height};
        }
    }

    static final class Square extends Rectangle {
        Square(double side) {
            super(side, side);
        }

        @Override
        public double perimeter() {
            double viaSides = super.perimeter();
            return viaSides;
        }
    }

    static final class Triangle extends Polygonal {
        private final double a;
        private final double b;
        private final double c;

        Triangle(double a, double b, double c) {
            this.a = a;
            this.b = b;
            this.c = c;
        }

        @Override
        public double area() {
            double p = (a + b + c) / 2;
            return Math.sqrt(p * (p - a) * (p - b) * (p - c));
        }

        @Override
        double[] sides() {
            return new double[] {a, b, c};
        }
    }

    /** @param x circle radius, rectangle width and height, square side, triangle sides a, b, c */
    public static double f(double[] x) {
        List<Shape> shapes = List.of(new Circle(x[0]), new Rectangle(x[1], x[2]), new Square(x[3]),
                new Triangle(x[4], x[5], x[6]));
        double total = 0;
        for (Shape s : shapes) {
            total += s.cost();
        }
        return total;
    }

    /** Heron's area has dA/da = a (b^2 + c^2 - a^2) / (8 A); the rest is elementary. */
    public static double[] gradient(double[] x) {
        double a = x[4];
        double b = x[5];
        double c = x[6];
        double p = (a + b + c) / 2;
        double area = Math.sqrt(p * (p - a) * (p - b) * (p - c));
        return new double[] {
            2 * Math.PI * x[0] + 0.2 * Math.PI,
            x[2] + 0.2,
            x[1] + 0.2,
            2 * x[3] + 0.4,
            a * (b * b + c * c - a * a) / (8 * area) + 0.1,
            b * (a * a + c * c - b * b) / (8 * area) + 0.1,
            c * (a * a + b * b - c * c) / (8 * area) + 0.1,
        };
    }
}
