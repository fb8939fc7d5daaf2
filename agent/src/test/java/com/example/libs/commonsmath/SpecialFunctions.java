package com.example.libs.commonsmath;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * User code built on commons-math3's special functions and distributions, as a statistician
 * writes it: log-likelihoods and tail probabilities whose parameters are the inputs.
 */
public final class SpecialFunctions {

    private SpecialFunctions() {
    }

    /** {@code logGamma(x0)}; its derivative is {@code digamma(x0)}. */
    public static double logGamma(double[] x) {
        return Gamma.logGamma(x[0]);
    }

    /** {@code erf(x0) * x1}. */
    public static double erfTimes(double[] x) {
        return Erf.erf(x[0]) * x[1];
    }

    /** {@code log B(a, b)} with {@code a = x0, b = x1}. */
    public static double logBeta(double[] x) {
        return Beta.logBeta(x[0], x[1]);
    }

    /** The regularized incomplete beta function {@code I_x(a, b)} at {@code x0} with {@code a = x1, b = x2}. */
    public static double regularizedBeta(double[] x) {
        return Beta.regularizedBeta(x[0], x[1], x[2]);
    }

    /** The regularized lower incomplete gamma {@code P(a, x)} with {@code a = x0} and {@code x = x1}. */
    public static double regularizedGammaP(double[] x) {
        return Gamma.regularizedGammaP(x[0], x[1]);
    }

    /** {@code P(X <= x0)} for {@code X ~ N(x1, x2^2)}: a normal distribution built from the inputs. */
    public static double normalCdf(double[] x) {
        return new NormalDistribution(x[1], x[2]).cumulativeProbability(x[0]);
    }

    /** The normal density at {@code x0} with mean {@code x1} and standard deviation {@code x2}. */
    public static double normalDensity(double[] x) {
        return new NormalDistribution(x[1], x[2]).density(x[0]);
    }

    /** The negative log-likelihood of {@code DATA} under {@code N(x0, x1^2)}. */
    public static double normalNegativeLogLikelihood(double[] x) {
        NormalDistribution d = new NormalDistribution(x[0], x[1]);
        double nll = 0;
        for (double v : DATA) {
            nll -= d.logDensity(v);
        }
        return nll;
    }

    /** {@code P(X <= x0)} for {@code X ~ Gamma(shape 2.5, scale 1.5)}. */
    public static double gammaCdf(double[] x) {
        return new GammaDistribution(2.5, 1.5).cumulativeProbability(x[0]);
    }

    /** Observations for the likelihood. */
    public static final double[] DATA = {1.2, 0.7, 2.9, 1.8, 1.1, 2.2, 0.4, 1.6};
}
