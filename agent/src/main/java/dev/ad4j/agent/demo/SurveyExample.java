package dev.ad4j.agent.demo;

/**
 * The running example of Baydin et al., "Automatic differentiation in machine learning: a
 * survey" (JMLR 2018): y = ln x1 + x1 x2 - sin x2, written in the survey's evaluation order.
 * An ordinary class: the demo loads it through ad4j's rewriting like any user class.
 */
public final class SurveyExample {

    private SurveyExample() {
    }

    /**
     * @param x the point (x1, x2)
     * @return ln x1 + x1 x2 - sin x2
     */
    public static double f(double[] x) {
        double x1 = x[0];
        double x2 = x[1];
        double v1 = Math.log(x1);
        double v2 = x1 * x2;
        double v3 = Math.sin(x2);
        double v4 = v1 + v2;
        return v4 - v3;
    }
}
