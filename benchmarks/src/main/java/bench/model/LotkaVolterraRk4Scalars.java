package bench.model;

import dev.ad4j.ScalarFunction;

/**
 * {@link LotkaVolterraRk4}'s loss written the other way ODE code often is: one method, the state
 * and the stages in scalar locals, no arrays and no calls. Same parameters, same function.
 */
public final class LotkaVolterraRk4Scalars implements ScalarFunction {
    public final int steps;
    public final double h;

    public LotkaVolterraRk4Scalars(int steps, double h) {
        this.steps = steps;
        this.h = h;
    }

    @Override
    public double apply(double[] p) {
        double a = p[0], b = p[1], c = p[2], d = p[3];
        double x = p[4], y = p[5];
        for (int i = 0; i < steps; i++) {
            double k1x = a * x - b * x * y, k1y = c * x * y - d * y;
            double tx = x + 0.5 * h * k1x, ty = y + 0.5 * h * k1y;
            double k2x = a * tx - b * tx * ty, k2y = c * tx * ty - d * ty;
            tx = x + 0.5 * h * k2x;
            ty = y + 0.5 * h * k2y;
            double k3x = a * tx - b * tx * ty, k3y = c * tx * ty - d * ty;
            tx = x + h * k3x;
            ty = y + h * k3y;
            double k4x = a * tx - b * tx * ty, k4y = c * tx * ty - d * ty;
            x += h / 6 * (k1x + 2 * k2x + 2 * k3x + k4x);
            y += h / 6 * (k1y + 2 * k2y + 2 * k3y + k4y);
        }
        double ex = x - 1;
        double ey = y - 0.5;
        return ex * ex + ey * ey;
    }
}
