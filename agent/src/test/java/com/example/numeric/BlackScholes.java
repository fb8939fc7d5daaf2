package com.example.numeric;

/**
 * European call price by Black-Scholes, written as a quant would: Math.exp, log and sqrt, and a
 * normal CDF through W. J. Cody's rational approximations of erfc (Math. Comp. 1969), accurate
 * to a few ulps so that the analytic Greeks hold to 1e-12.
 */
public final class BlackScholes {

    private BlackScholes() {
    }

    /** @param p spot S, strike K, maturity T, rate r, volatility sigma */
    public static double price(double[] p) {
        double s = p[0];
        double k = p[1];
        double t = p[2];
        double r = p[3];
        double sigma = p[4];
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        return s * cdf(d1) - k * Math.exp(-r * t) * cdf(d2);
    }

    /** Analytic Greeks: delta, dC/dK, theta-like dC/dT, rho, vega. */
    public static double[] greeks(double[] p) {
        double s = p[0];
        double k = p[1];
        double t = p[2];
        double r = p[3];
        double sigma = p[4];
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        double disc = Math.exp(-r * t);
        return new double[] {
            cdf(d1),
            -disc * cdf(d2),
            s * pdf(d1) * sigma / (2 * sqrtT) + r * k * disc * cdf(d2),
            k * t * disc * cdf(d2),
            s * pdf(d1) * sqrtT,
        };
    }

    static double pdf(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        double ax = Math.abs(x);
        double result;
        if (ax < 0.5) {
            double z = x * x;
            double num = ((((1.85777706184603153e-1 * z + 3.16112374387056560e0) * z + 1.13864154151050156e2) * z
                    + 3.77485237685302021e2) * z + 3.20937758913846947e3);
            double den = ((((z + 2.36012909523441209e1) * z + 2.44024637934444173e2) * z
                    + 1.28261652607737228e3) * z + 2.84423683343917062e3);
            return 1 - x * num / den;
        } else if (ax < 4) {
            double num = ((((((((2.15311535474403846e-8 * ax + 5.64188496988670089e-1) * ax + 8.88314979438837594e0) * ax
                    + 6.61191906371416295e1) * ax + 2.98635138197400131e2) * ax + 8.81952221241769090e2) * ax
                    + 1.71204761263407058e3) * ax + 2.05107837782607147e3) * ax + 1.23033935479799725e3);
            double den = ((((((((ax + 1.57449261107098347e1) * ax + 1.17693950891312499e2) * ax
                    + 5.37181101862009858e2) * ax + 1.62138957456669019e3) * ax + 3.29079923573345963e3) * ax
                    + 4.36261909014324716e3) * ax + 3.43936767414372164e3) * ax + 1.23033935480374942e3);
            result = Math.exp(-ax * ax) * num / den;
        } else {
            double z = 1 / (ax * ax);
            double num = (((((1.63153871373020978e-2 * z + 3.05326634961232344e-1) * z + 3.60344899949804439e-1) * z
                    + 1.25781726111229246e-1) * z + 1.60837851487422766e-2) * z + 6.58749161529837803e-4);
            double den = (((((z + 2.56852019228982242e0) * z + 1.87295284992346725e0) * z
                    + 5.27905102951428412e-1) * z + 6.05183413124413191e-2) * z + 2.33520497626869185e-3);
            result = Math.exp(-ax * ax) / ax * (5.6418958354775628695e-1 - z * num / den);
        }
        return x < 0 ? 2 - result : result;
    }
}
