package com.example.libs.commonsmath;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * A user's ordinary differential equations, integrated by commons-math3's integrators: the
 * library drives the user's {@code computeDerivatives} through its own arrays and step control,
 * and the gradient of the final state by the equations' parameters flows back through both.
 */
public final class Orbits {

    private Orbits() {
    }

    /** Lotka-Volterra predator and prey; the four rates are fields set from the inputs. */
    static final class LotkaVolterra implements FirstOrderDifferentialEquations {
        private final double alpha;
        private final double beta;
        private final double delta;
        private final double gamma;

        LotkaVolterra(double alpha, double beta, double delta, double gamma) {
            this.alpha = alpha;
            this.beta = beta;
            this.delta = delta;
            this.gamma = gamma;
        }

        @Override
        public int getDimension() {
            return 2;
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            yDot[0] = alpha * y[0] - beta * y[0] * y[1];
            yDot[1] = delta * y[0] * y[1] - gamma * y[1];
        }
    }

    /** Exponential decay {@code y' = -k y}, solved in closed form by {@code y0 exp(-k t)}. */
    static final class Decay implements FirstOrderDifferentialEquations {
        private final double k;

        Decay(double k) {
            this.k = k;
        }

        @Override
        public int getDimension() {
            return 1;
        }

        @Override
        public void computeDerivatives(double t, double[] y, double[] yDot) {
            yDot[0] = -k * y[0];
        }
    }

    /** Prey plus predators at t = 5 from rates x0..x3 and initial populations x4, x5, by fixed-step RK4. */
    public static double lotkaVolterraRk4(double[] x) {
        return lotkaVolterra(new ClassicalRungeKuttaIntegrator(0.01), x);
    }

    /** The same by the adaptive Dormand-Prince 8(5,3) integrator with tight tolerances. */
    public static double lotkaVolterraDormandPrince(double[] x) {
        return lotkaVolterra(new DormandPrince853Integrator(1e-8, 1.0, 1e-11, 1e-11), x);
    }

    private static double lotkaVolterra(FirstOrderIntegrator integrator, double[] x) {
        double[] y = {x[4], x[5]};
        integrator.integrate(new LotkaVolterra(x[0], x[1], x[2], x[3]), 0, y, 5, y);
        return y[0] + y[1];
    }

    /** {@code y(t1)} of {@code y' = -k y}, {@code y(0) = y0}, with {@code (k, y0, t1) = x}, by Dormand-Prince. */
    public static double decay(double[] x) {
        double[] y = {x[1]};
        new DormandPrince853Integrator(1e-8, 1.0, 1e-13, 1e-13).integrate(new Decay(x[0]), 0, y, x[2], y);
        return y[0];
    }

    /** The exact gradient of {@code y0 exp(-k t1)}. */
    public static double[] decayGradient(double[] x) {
        double e = Math.exp(-x[0] * x[2]);
        return new double[] {-x[2] * x[1] * e, e, -x[0] * x[1] * e};
    }
}
