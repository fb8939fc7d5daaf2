package dev.ad4j;

/**
 * The value of a scalar function and its gradient at one point.
 *
 * <pre>{@code
 * ValueAndGradient vg = AD.valueAndGradient(x -> x[0] * x[1], new double[] {2, 3});
 * // vg.value() == 6, vg.gradient() == {3, 2}
 * }</pre>
 *
 * @param value    f(x), bit-identical to an uninstrumented evaluation
 * @param gradient the partial derivatives of f at x
 */
public record ValueAndGradient(double value, double[] gradient) {

    /** @return {@code value=..., gradient=[...]}, the gradient's components written out */
    @Override
    public String toString() {
        return "ValueAndGradient[value=" + value + ", gradient=" + java.util.Arrays.toString(gradient) + "]";
    }
}
