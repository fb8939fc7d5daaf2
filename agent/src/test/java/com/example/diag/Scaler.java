package com.example.diag;

/** An instance method named by {@code diag/instance.rules}, whose rule must not be applied. */
final class Scaler {
    private final double k;

    Scaler(double k) {
        this.k = k;
    }

    double apply(double v) {
        return k * v;
    }
}
