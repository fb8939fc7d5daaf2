package com.example.corpus;

import dev.ad4j.ScalarFunction;
import dev.ad4j.VectorFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One corpus program: its id (the class name below {@code com.example.corpus}), what it does in
 * a sentence, the function (scalar or vector), the points where it is checked (away from branch
 * switches), and, where one is cheap, its closed-form gradient or Jacobian.
 *
 * <p>Functions are held behind suppliers so that a program's class is only loaded (and therefore
 * only instrumented) when its own test runs.
 */
public final class Program {

    private final String id;
    private final String description;
    private final Supplier<ScalarFunction> scalar;
    private final Supplier<VectorFunction> vector;
    private final double[][] points;
    private Supplier<Function<double[], double[]>> gradient;
    private Supplier<Function<double[], double[][]>> jacobian;

    private Program(String id, String description, Supplier<ScalarFunction> scalar,
            Supplier<VectorFunction> vector, double[][] points) {
        this.id = id;
        this.description = description;
        this.scalar = scalar;
        this.vector = vector;
        this.points = points;
    }

    static Program scalar(String id, String description, Supplier<ScalarFunction> f, double[]... points) {
        return new Program(id, description, f, null, points);
    }

    static Program vector(String id, String description, Supplier<VectorFunction> f, double[]... points) {
        return new Program(id, description, null, f, points);
    }

    Program gradient(Supplier<Function<double[], double[]>> closedForm) {
        this.gradient = closedForm;
        return this;
    }

    Program jacobian(Supplier<Function<double[], double[][]>> closedForm) {
        this.jacobian = closedForm;
        return this;
    }

    /** @return the class name below {@code com.example.corpus}, e.g. {@code physics.SpringMassStep} */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean isScalar() {
        return scalar != null;
    }

    public ScalarFunction scalarFunction() {
        return scalar.get();
    }

    public VectorFunction vectorFunction() {
        return vector.get();
    }

    /** @return fresh copies of the evaluation points */
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        return copy;
    }

    /** @return the closed-form gradient, or null if the program has none */
    public Function<double[], double[]> closedFormGradient() {
        return gradient == null ? null : gradient.get();
    }

    /** @return the closed-form Jacobian, or null if the program has none */
    public Function<double[], double[][]> closedFormJacobian() {
        return jacobian == null ? null : jacobian.get();
    }

    /** @return the primal results at every point, as raw bits, one line per output component */
    public String primalBits() {
        StringBuilder sb = new StringBuilder();
        double[][] xs = points();
        for (int k = 0; k < xs.length; k++) {
            try {
                if (isScalar()) {
                    line(sb, k, 0, scalarFunction().apply(xs[k]));
                } else {
                    double[] y = vectorFunction().apply(xs[k]);
                    for (int i = 0; i < y.length; i++) {
                        line(sb, k, i, y[i]);
                    }
                }
            } catch (RuntimeException | Error e) {
                sb.append(id).append(" point ").append(k).append(" threw ").append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, int point, int component, double v) {
        sb.append(id).append(" point ").append(point).append('[').append(component).append("] ")
                .append(Long.toHexString(Double.doubleToRawLongBits(v))).append('\n');
    }

    @Override
    public String toString() {
        return id + ": " + description;
    }
}
