package com.example.libs.cli;

import com.example.libs.commonsmath.LinearAlgebra;
import com.example.libs.commonsmath.SpecialFunctions;
import dev.ad4j.AD;
import dev.ad4j.Diagnostics;
import dev.ad4j.ScalarFunction;
import java.util.Arrays;
import java.util.Map;

/**
 * A user's program run in forked JVMs with various agent options: prints the gradient of one
 * named model at a point, then the diagnostics reported. Usage: {@code GradientMain model x...}.
 */
public final class GradientMain {

    private static final Map<String, ScalarFunction> MODELS = Map.of(
            "erfTimes", SpecialFunctions::erfTimes,
            "luDeterminant", LinearAlgebra::luDeterminant,
            "normalCdf", SpecialFunctions::normalCdf,
            "minorDeterminant", com.example.libs.ejml.DenseModels::det);

    private GradientMain() {
    }

    public static void main(String[] args) {
        double[] x = new double[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            x[i - 1] = Double.parseDouble(args[i]);
        }
        ScalarFunction f = MODELS.get(args[0]);
        System.out.println("gradient " + Arrays.toString(AD.gradient(f, x)));
        Diagnostics.reports().forEach(r -> System.out.println("report " + r));
    }
}
