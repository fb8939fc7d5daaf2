package dev.ad4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.libs.commonsmath.LinearAlgebra;
import com.example.libs.commonsmath.Orbits;
import com.example.libs.commonsmath.SpecialFunctions;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import dev.ad4j.agent.testing.Checks;
import java.util.Random;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * Gradients through commons-math3 3.6.1 as published on Maven Central, unmodified: the
 * {@code libraries} failsafe execution starts this JVM with
 * {@code includes=com.example.*:org.apache.commons.math3.*:...,strict=true}, so the library's
 * classes are rewritten as they load, exactly as a user's would be. Each gradient is checked
 * against central finite differences, and against the closed form where there is one.
 */
class LibraryCommonsMathIT {

    /** Relative tolerance against central differences of step 1e-6 (their own error is ~1e-9). */
    private static final double FD = 1e-6;
    /** Against closed forms: the library's own approximation error bounds the agreement. */
    private static final double EXACT = 1e-9;

    /**
     * Checks the recorded value equals the plain one and the gradient agrees with differences.
     * {@code f} runs once before the recording, so that the library's classes are initialized
     * first: a class initialized during a recorded call loses that call's argument derivatives
     * (see {@code LibraryClassInitIT}).
     */
    static double[] check(ScalarFunction f, double[] x, double fdTolerance) {
        double plain = f.apply(x);
        ValueAndGradient vg = AD.valueAndGradient(f, x);
        assertEquals(plain, vg.value(), 0.0, "recording must not change the primal value");
        Checks.assertClose(Checks.finiteDifferences(f, x), vg.gradient(), fdTolerance);
        return vg.gradient();
    }

    /**
     * The digamma function to ~1e-15: recurrence up to 20, then the asymptotic series. The
     * libraries' own {@code Gamma.digamma} is off by ~3e-9 at 1.7 and 2.7 (mpmath: psi(1.7) =
     * 0.208547874873494, commons-math3 3.6.1 returns 0.20854787214238; Hipparchus 3.1 errs as
     * much at 2.7), while the derivative ad4j takes of {@code logGamma} is right there.
     */
    static double digamma(double x) {
        double r = 0;
        while (x < 20) {
            r -= 1 / x;
            x += 1;
        }
        double x2 = 1 / (x * x);
        double series = x2 * (1.0 / 12 - x2 * (1.0 / 120 - x2 * (1.0 / 252 - x2 * (1.0 / 240 - x2 * (1.0 / 132)))));
        return r + Math.log(x) - 0.5 / x - series;
    }

    @Test
    void log_gamma_derivative_is_digamma() {
        for (double v : new double[] {0.3, 1.7, 4.2, 9.5, 31.0}) {
            double[] g = check(SpecialFunctions::logGamma, new double[] {v}, FD);
            Checks.assertClose(new double[] {digamma(v)}, g, EXACT);
        }
    }

    @Test
    void erf_derivative_is_the_gaussian_kernel() {
        for (double v : new double[] {-1.3, 0.2, 0.9, 2.5}) {
            double[] g = check(SpecialFunctions::erfTimes, new double[] {v, 1.5}, FD);
            Checks.assertClose(new double[] {1.5 * 2 / Math.sqrt(Math.PI) * Math.exp(-v * v), Erf.erf(v)}, g, EXACT);
        }
    }

    @Test
    void log_beta_partials_are_digamma_differences() {
        double a = 2.3;
        double b = 0.8;
        double[] g = check(SpecialFunctions::logBeta, new double[] {a, b}, FD);
        double d = digamma(a + b);
        Checks.assertClose(new double[] {digamma(a) - d, digamma(b) - d}, g, EXACT);
    }

    @Test
    void regularized_beta_derivative_in_x_is_the_beta_density() {
        double x = 0.35;
        double a = 2.5;
        double b = 3.2;
        double[] g = check(SpecialFunctions::regularizedBeta, new double[] {x, a, b}, FD);
        double density = Math.pow(x, a - 1) * Math.pow(1 - x, b - 1) / Math.exp(Beta.logBeta(a, b));
        assertEquals(density, g[0], EXACT * density);
    }

    @Test
    void regularized_gamma_p_derivative_in_x_is_the_gamma_density() {
        double a = 3.4;
        for (double x : new double[] {0.8, 2.9, 7.5}) {
            double[] g = check(SpecialFunctions::regularizedGammaP, new double[] {a, x}, FD);
            double density = Math.exp((a - 1) * Math.log(x) - x - Gamma.logGamma(a));
            assertEquals(density, g[1], EXACT * Math.max(1, density));
        }
    }

    @Test
    void normal_cdf_partials_in_point_mean_and_deviation() {
        double x = 1.3;
        double mu = 0.4;
        double sigma = 0.9;
        double[] g = check(SpecialFunctions::normalCdf, new double[] {x, mu, sigma}, FD);
        double phi = new NormalDistribution(mu, sigma).density(x);
        Checks.assertClose(new double[] {phi, -phi, -(x - mu) / sigma * phi}, g, EXACT);
    }

    @Test
    void normal_density_partials_in_point_mean_and_deviation() {
        double x = -0.7;
        double mu = 0.2;
        double s = 1.4;
        double[] g = check(SpecialFunctions::normalDensity, new double[] {x, mu, s}, FD);
        double phi = new NormalDistribution(mu, s).density(x);
        double z = (x - mu) / s;
        Checks.assertClose(new double[] {-z / s * phi, z / s * phi, phi * (z * z - 1) / s}, g, EXACT);
    }

    @Test
    void normal_log_likelihood_gradient_is_the_score() {
        double mu = 1.1;
        double s = 0.8;
        double[] g = check(SpecialFunctions::normalNegativeLogLikelihood, new double[] {mu, s}, FD);
        double dMu = 0;
        double dS = SpecialFunctions.DATA.length / s;
        for (double v : SpecialFunctions.DATA) {
            dMu -= (v - mu) / (s * s);
            dS -= (v - mu) * (v - mu) / (s * s * s);
        }
        Checks.assertClose(new double[] {dMu, dS}, g, EXACT);
    }

    @Test
    void gamma_cdf_derivative_is_the_gamma_density() {
        for (double x : new double[] {0.5, 3.0, 9.0}) {
            double[] g = check(SpecialFunctions::gammaCdf, new double[] {x}, FD);
            Checks.assertClose(new double[] {new GammaDistribution(2.5, 1.5).density(x)}, g, EXACT);
        }
    }

    @Test
    void classical_runge_kutta_drives_the_users_lotka_volterra_equations() {
        check(Orbits::lotkaVolterraRk4, new double[] {1.1, 0.4, 0.1, 0.4, 10, 5}, FD);
    }

    @Test
    void dormand_prince_853_drives_the_users_lotka_volterra_equations() {
        check(Orbits::lotkaVolterraDormandPrince, new double[] {1.1, 0.4, 0.1, 0.4, 10, 5}, 1e-5);
    }

    @Test
    void dormand_prince_853_decay_gradient_matches_the_exact_solution() {
        double[] x = {0.7, 2.0, 1.5};
        double[] g = check(Orbits::decay, x, 1e-5);
        Checks.assertClose(Orbits.decayGradient(x), g, 1e-8);
    }

    /** A well-conditioned 4 x 4 matrix, row-major. */
    static double[] matrix(long seed, int n, double diagonal) {
        Random r = new Random(seed);
        double[] x = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() * 2 - 1 + (i % (n + 1) == 0 ? diagonal : 0);
        }
        return x;
    }

    /** {@code det(A) A^{-T}}, row-major. */
    static double[] determinantGradient(double[] x, int n) {
        RealMatrix a = MatrixUtils.createRealMatrix(LinearAlgebra.square(x, n));
        double det = new org.apache.commons.math3.linear.LUDecomposition(a).getDeterminant();
        RealMatrix invT = MatrixUtils.inverse(a).transpose();
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] = det * invT.getEntry(i, j);
            }
        }
        return g;
    }

    @Test
    void lu_determinant_gradient_is_det_times_inverse_transpose() {
        double[] x = matrix(1, 4, 2);
        double[] g = check(LinearAlgebra::luDeterminant, x, FD);
        Checks.assertClose(determinantGradient(x, 4), g, 1e-11);
    }

    @Test
    void lu_solve_gradient_is_minus_adjoint_times_solution() {
        double[] x = matrix(2, 4, 3);
        double[] g = check(LinearAlgebra::luSolve, x, FD);
        RealMatrix a = MatrixUtils.createRealMatrix(LinearAlgebra.square(x, 4));
        RealMatrix inv = MatrixUtils.inverse(a);
        RealVector sol = inv.operate(MatrixUtils.createRealVector(new double[] {1, -2, 0.5, 3}));
        RealVector adj = inv.transpose().operate(MatrixUtils.createRealVector(new double[] {0.3, 1, -1, 2}));
        double[] expected = new double[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                expected[i * 4 + j] = -adj.getEntry(i) * sol.getEntry(j);
            }
        }
        Checks.assertClose(expected, g, 1e-11);
    }

    @Test
    void cholesky_log_determinant_gradient_is_twice_inverse_times_factor() {
        double[] x = matrix(3, 4, 0);
        double[] g = check(LinearAlgebra::choleskyLogDet, x, FD);
        RealMatrix b = MatrixUtils.createRealMatrix(LinearAlgebra.square(x, 4));
        RealMatrix a = b.multiply(b.transpose()).add(MatrixUtils.createRealIdentityMatrix(4).scalarMultiply(4));
        RealMatrix expected = MatrixUtils.inverse(a).multiply(b).scalarMultiply(2);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected.getEntry(i, j), g[i * 4 + j], 1e-11, "entry " + i + "," + j);
            }
        }
    }

    @Test
    void symmetric_eigenvalue_gradients_are_eigenvector_outer_products() {
        double[] x = {4, 1, 0.5, 0.2, 3, 0.7, -0.3, 2, 0.4, 1};
        double[] g = check(LinearAlgebra::eigenvalues, x, FD);
        EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(LinearAlgebra.symmetric(x)));
        double[] expected = new double[10];
        for (int k = 0; k < 4; k++) {
            RealVector v = eig.getEigenvector(k);
            int m = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = i; j < 4; j++) {
                    expected[m++] += (k + 1) * (i == j ? 1 : 2) * v.getEntry(i) * v.getEntry(j);
                }
            }
        }
        Checks.assertClose(expected, g, 1e-9);
    }

    @Test
    void singular_value_gradients_agree_with_differences() {
        check(LinearAlgebra::singularValues, new double[] {3, 1, 0.5, -1, 2, 0.3, 0.2, 0.4, 1.5, 1, -0.5, 0.8}, FD);
    }

    @Test
    void qr_least_squares_residual_gradient_agrees_with_differences() {
        double[] x = new Random(4).doubles(15, -1, 1).toArray();
        check(LinearAlgebra::leastSquares, x, FD);
    }

    @Test
    void inverse_frobenius_norm_gradient_agrees_with_differences() {
        check(LinearAlgebra::inverseNorm, matrix(5, 4, 2), FD);
    }

    @Test
    void linear_combination_gradient_is_the_other_factor_despite_dekker_splitting() {
        double[] x = new Random(6).doubles(10, -3, 3).toArray();
        double[] g = check(LinearAlgebra::linearCombination, x, FD);
        double[] expected = new double[10];
        for (int i = 0; i < 5; i++) {
            expected[i] = x[i + 5];
            expected[i + 5] = x[i];
        }
        Checks.assertClose(expected, g, 1e-14);
    }

    @Test
    void scalar_linear_combinations_gradient_is_exact() {
        double[] x = {1.5, -2, 0.3, 4, 2.5, -1.25};
        double[] g = check(LinearAlgebra::linearCombinationScalars, x, FD);
        Checks.assertClose(new double[] {2 * x[1], 2 * x[0], 2 * x[3], 2 * x[2], x[5], x[4]}, g, 1e-14);
    }

    @Test
    void ebe_multiply_and_distances_agree_with_differences() {
        check(LinearAlgebra::elementwise, new double[] {1, -2, 0.5, 3, 0.3, 1, 0.7, -1}, FD);
    }
}
