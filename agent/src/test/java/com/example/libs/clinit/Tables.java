package com.example.libs.clinit;

/**
 * A class whose static initializer runs instrumented double code, as commons-math3's and
 * Hipparchus' {@code Gamma} (through {@code FastMath}) do. The first call of {@link #scaled}
 * initializes the class in the middle of the call.
 */
public final class Tables {

    /** Computed when the class initializes, by an instrumented method taking a double. */
    static final double SCALE = half(3.0);

    private Tables() {
    }

    static double half(double v) {
        return v / 2;
    }

    /** {@code 1.5 x^2}; its derivative is {@code 3 x}. */
    public static double scaled(double x) {
        return SCALE * x * x;
    }
}
