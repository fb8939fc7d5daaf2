package com.example.diag;

/** A record whose canonical constructor takes a double before a double[]. */
record Pair(double m, double[] v) {
    double product() {
        return m * v[0];
    }
}
