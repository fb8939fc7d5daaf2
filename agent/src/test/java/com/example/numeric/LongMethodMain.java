package com.example.numeric;

import dev.ad4j.AD;
import java.util.Arrays;

/** Prints the gradient of {@link LongMethod#value} at a fixed point, as a user's program would. */
public final class LongMethodMain {

    private LongMethodMain() {
    }

    public static void main(String[] args) {
        System.out.println("gradient " + Arrays.toString(AD.gradient(LongMethod::value, POINT)));
    }

    /** The point the gradient is taken at. */
    public static final double[] POINT = {0.3, -1.2, 2.5, 0.8};
}
