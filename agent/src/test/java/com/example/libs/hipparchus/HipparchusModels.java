package com.example.libs.hipparchus;

import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.special.Gamma;
import org.hipparchus.util.FastMath;

/**
 * User code on Hipparchus (the fork of commons-math that carries it on): its ODE integrators,
 * special functions, linear algebra and its own {@code FastMath}.
 */
public final class HipparchusModels {

    private HipparchusModels() {
    }

    /** A damped pendulum {@code theta'' = -g/l sin(theta) - c theta'}, parameters from the inputs. */
    static final class Pendulum implements OrdinaryDifferentialEquation {
        private final double gOverL;
        private final double damping;

        Pendulum(double gOverL, double damping) {
            this.gOverL = gOverL;
            this.damping = damping;
        }

        @Override
        public int getDimension() {
            return 2;
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            return new double[] {y[1], -gOverL * FastMath.sin(y[0]) - damping * y[1]};
        }
    }

    /** The pendulum's angle at t = 3 from {@code (g/l, c, theta0, omega0) = x}. */
    public static double pendulum(double[] x) {
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-8, 1.0, 1e-11, 1e-11);
        ODEState end = integrator.integrate(new ExpandableODE(new Pendulum(x[0], x[1])),
                new ODEState(0, new double[] {x[2], x[3]}), 3.0);
        return end.getPrimaryState()[0];
    }

    /** {@code logGamma(x0) + x1 * FastMath.exp(FastMath.cbrt(x1)) + FastMath.atan2(x0, x1)}. */
    public static double special(double[] x) {
        return Gamma.logGamma(x[0]) + x[1] * FastMath.exp(FastMath.cbrt(x[1])) + FastMath.atan2(x[0], x[1]);
    }

    /** {@code det(A)} by Hipparchus' LU of the 3 x 3 matrix of {@code x}. */
    public static double determinant(double[] x) {
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(x, 3 * i, a[i], 0, 3);
        }
        RealMatrix m = MatrixUtils.createRealMatrix(a);
        return new LUDecomposition(m).getDeterminant();
    }
}
