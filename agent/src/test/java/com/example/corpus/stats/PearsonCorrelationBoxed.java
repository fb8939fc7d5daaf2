package com.example.corpus.stats;

import java.util.ArrayList;
import java.util.List;

/** Pearson correlation of two series held as boxed {@code List<Double>}, as collection-minded code does. */
public final class PearsonCorrelationBoxed {

    private PearsonCorrelationBoxed() {
    }

    static double mean(List<Double> values) {
        double s = 0;
        for (Double v : values) {
            s += v;
        }
        return s / values.size();
    }

    static double correlation(List<Double> xs, List<Double> ys) {
        double mx = mean(xs);
        double my = mean(ys);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < xs.size(); i++) {
            double dx = xs.get(i) - mx;
            double dy = ys.get(i) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** @param x first half the x series, second half the y series */
    public static double f(double[] x) {
        int n = x.length / 2;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs.add(x[i]);
            ys.add(x[n + i]);
        }
        return correlation(xs, ys);
    }

    /** dr/dx_i = (y_i - my)/sqrt(sxx syy) - r (x_i - mx)/sxx, and symmetrically for y. */
    public static double[] gradient(double[] x) {
        int n = x.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += x[n + i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (x[n + i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (x[n + i] - my) * (x[n + i] - my);
        }
        double root = Math.sqrt(sxx * syy);
        double r = sxy / root;
        double[] g = new double[x.length];
        for (int i = 0; i < n; i++) {
            g[i] = (x[n + i] - my) / root - r * (x[i] - mx) / sxx;
            g[n + i] = (x[i] - mx) / root - r * (x[n + i] - my) / syy;
        }
        return g;
    }
}
