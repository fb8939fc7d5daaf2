package com.example.numeric;

import dev.ad4j.AD;
import java.awt.geom.Point2D;
import java.util.Arrays;

/** Places where derivatives are lost, for the diagnostics test; main runs two gradients. */
public final class Leaks {

    private Leaks() {
    }

    public static double f(double[] x) {
        double kept = x[0] * x[1];
        double viaStream = Arrays.stream(x).sum();                              // line 15
        long bits = Double.doubleToRawLongBits(x[0]);                           // line 16
        int truncated = (int) (x[1] * 10);                                      // line 17
        Point2D.Double p = new Point2D.Double();
        p.x = x[0];                                                             // line 19
        double mapped = java.util.List.of(x[0], x[1]).stream()
                .mapToDouble(v -> v * 2)                                        // line 21
                .sum();
        return kept + viaStream + (bits & 1) + truncated + p.x + mapped;
    }

    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            System.out.println(Arrays.toString(AD.gradient(Leaks::f, new double[] {1.5, 2.5})));
        }
    }
}
