package com.example.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Object-oriented numeric code: fields, constructors, hierarchies, lambdas, boxes, array utilities. */
public final class Objects {

    private Objects() {
    }

    static double scale = 1.0;

    abstract static class Shape {
        final double weight;

        Shape(double weight) {
            this.weight = weight;
        }

        abstract double area();

        double weightedArea() {
            return weight * area();
        }
    }

    static final class Circle extends Shape {
        private double r;

        Circle(double r, double weight) {
            super(weight);
            this.r = r;
        }

        @Override
        double area() {
            return Math.PI * r * r;
        }

        void grow(double by) {
            r += by;       // GETFIELD/PUTFIELD with DUP_X2 forms
            r *= scale;
        }
    }

    static class Rect extends Shape {
        double w;
        double h;

        Rect(double w, double h) {
            super(1.0);
            this.w = w;
            this.h = h;
        }

        @Override
        double area() {
            return w * h;
        }
    }

    static final class Square extends Rect {
        Square(double s) {
            super(s, s);
        }

        @Override
        double weightedArea() {
            return 2 * super.weightedArea();
        }
    }

    interface Field2 {
        double at(double x, double y);
    }

    /** Shapes with fields written in constructors, virtual and super calls. */
    public static double shapes(double[] x) {
        scale = 1 + x[3] * 0.1; // static field carries an active value
        Circle c = new Circle(x[0], x[1]);
        c.grow(x[2]);
        List<Shape> all = List.of(c, new Rect(x[1], x[2]), new Square(x[0]));
        double total = 0;
        for (Shape s : all) {
            total += s.weightedArea();
        }
        return total;
    }

    /** Lambdas capturing doubles, method references, functional composition in instrumented code. */
    public static double lambdas(double[] x) {
        double k = x[0] * 2;
        double offset = x[1];
        DoubleUnaryOperator f = v -> k * v + offset;
        DoubleUnaryOperator g = Math::sin;
        DoubleBinaryOperator h = Double::sum;
        Field2 field = (a, b) -> a * b * k;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += f.applyAsDouble(x[i]) + g.applyAsDouble(x[i]) + h.applyAsDouble(x[i], k) + field.at(x[i], offset);
        }
        return s;
    }

    /** Boxed doubles in a list, reduced with an instrumented loop. */
    public static double boxes(double[] x) {
        List<Double> list = new ArrayList<>();
        for (double v : x) {
            list.add(v * v);
        }
        double s = 0;
        for (Double d : list) {
            s += d * 3;
        }
        Double first = list.get(0);
        return s + first;
    }

    /** clone, Arrays.copyOf, copyOfRange, fill and sort carry the indices along. */
    public static double arrays(double[] x) {
        double[] a = x.clone();
        double[] b = Arrays.copyOf(a, a.length + 2);
        double[] c = Arrays.copyOfRange(b, 1, 3);
        double[] d = new double[3];
        Arrays.fill(d, x[0] * 0.5);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += b[i] * (i + 1);
        }
        s += c[0] * c[1] + d[2] * 7;
        for (int i = 0; i < sorted.length; i++) {
            s += sorted[i] * sorted[i] * (i + 1);
        }
        double[][] m = {{x[0], x[1]}, {x[2], x[3]}};
        s += m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return s;
    }

    public static double square(double v) {
        return v * v;
    }

    /** Reflection boxes and unboxes in the JDK, both ways. */
    public static double reflective(double[] x) throws ReflectiveOperationException {
        java.lang.reflect.Method m = Objects.class.getMethod("square", double.class);
        double viaReflection = (Double) m.invoke(null, x[0] * x[1]);
        java.util.function.BinaryOperator<Double> add = Double::sum;
        java.util.function.DoubleUnaryOperator sq = v -> v * v;
        double composed = sq.andThen(v -> v + x[2]).andThen(Math::log1p).applyAsDouble(x[3]);
        return viaReflection + add.apply(x[2], x[3]) + composed;
    }
}
