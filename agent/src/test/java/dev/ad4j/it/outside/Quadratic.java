package dev.ad4j.it.outside;

/** A model in a package the ITs' agent does not select ({@code includes=com.example.*}). */
public final class Quadratic {
    public double value(double[] x) {
        return x[0] * x[0] + 3 * x[1];
    }
}
