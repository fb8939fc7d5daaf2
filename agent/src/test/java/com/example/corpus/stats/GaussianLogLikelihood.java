package com.example.corpus.stats;

/** Negative log-likelihood of a normal model, through an abstract distribution class. */
public final class GaussianLogLikelihood {

    static final double[] DATA = {1.2, 0.7, 2.3, 1.9, 0.4, 1.6, 1.1, 2.8};

    private GaussianLogLikelihood() {
    }

    abstract static class Distribution {
        abstract double logDensity(double v);

        double logLikelihood(double[] data) {
            double s = 0;
            for (double d : data) {
                s += logDensity(d);
            }
            return s;
        }
    }

    static final class Normal extends Distribution {
        private final double mu;
        private final double logSigma;

        Normal(double mu, double logSigma) {
            this.mu = mu;
            this.logSigma = logSigma;
        }

        @Override
        double logDensity(double v) {
            double z = (v - mu) / Math.exp(logSigma);
            return -0.5 * Math.log(2 * Math.PI) - logSigma - 0.5 * z * z;
        }
    }

    /** @param x mean and log standard deviation */
    public static double f(double[] x) {
        Distribution model = new Normal(x[0], x[1]);
        return -model.logLikelihood(DATA);
    }

    /** d/dmu = -sum (d - mu) / s^2, d/dlog s = sum (1 - (d - mu)^2 / s^2). */
    public static double[] gradient(double[] x) {
        double s2 = Math.exp(2 * x[1]);
        double gMu = 0;
        double gLog = 0;
        for (double d : DATA) {
            gMu -= (d - x[0]) / s2;
            gLog += 1 - (d - x[0]) * (d - x[0]) / s2;
        }
        return new double[] {gMu, gLog};
    }
}
