package dev.ad4j.bench;

import bench.hand.GmmHand;
import bench.hand.LeastSquaresHand;
import bench.hand.LogisticMapHand;
import bench.hand.LogisticRegressionHand;
import bench.hand.LotkaVolterraRk4Hand;
import bench.hand.MlpHand;
import bench.hand.MorseHand;
import bench.hand.RosenbrockHand;
import bench.model.LogisticMap;
import bench.model.Rosenbrock;
import dev.ad4j.ScalarFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rows of the benchmark table, one list for {@link Check}, which verifies each against its
 * hand-written gradient, and {@link OtherModels}, which records each before another row is
 * measured. A new row goes here once.
 */
final class Rows {
    private Rows() {
    }

    /**
     * One problem at one size.
     *
     * @param bench the JMH class that measures it
     * @param name  its name in {@link Check}'s report
     * @param hand  its hand-written gradient at {@code x}
     * @param small cheap enough for central differences in {@link Check} and for
     *              {@link OtherModels}' warm-up; the large sizes are not
     */
    record Row(String bench, String name, ScalarFunction f, double[] x, Supplier<double[]> hand, boolean small) {
    }

    /** The rows in the table's order; the large sizes only if {@code withLarge}. */
    static List<Row> all(boolean withLarge) {
        List<Row> rows = new ArrayList<>();
        double[] xr = Problems.rosenbrockPoint(1000);
        rows.add(new Row("Bench02_Rosenbrock", "Rosenbrock n=1000", new Rosenbrock(), xr,
                () -> RosenbrockHand.gradient(xr), true));
        if (withLarge) {
            double[] xl = Problems.rosenbrockPoint(100_000);
            rows.add(new Row("Bench02_Rosenbrock", "Rosenbrock n=100000", new Rosenbrock(), xl,
                    () -> RosenbrockHand.gradient(xl), false));
        }
        var lr = Problems.logisticRegression();
        double[] w = Problems.logisticRegressionPoint();
        rows.add(new Row("Bench03_LogisticRegression", "LogReg n=1000 d=50", lr, w,
                () -> LogisticRegressionHand.gradient(lr, w), true));
        var mlp = Problems.mlp();
        double[] theta = Problems.mlpPoint(mlp);
        rows.add(new Row("Bench04_Mlp", "MLP 10-32-1 batch 64", mlp, theta, () -> MlpHand.gradient(mlp, theta), true));
        var ode = Problems.ode();
        double[] p = Problems.odePoint();
        rows.add(new Row("Bench05_OdeRk4", "RK4 Lotka-Volterra 1000", ode, p,
                () -> LotkaVolterraRk4Hand.gradient(ode, p), true));
        rows.add(new Row("Bench10_OdeRk4Scalars", "RK4 Lotka-Volterra scalars", Problems.odeScalars(), p,
                () -> LotkaVolterraRk4Hand.gradient(ode, p), true));
        double[] l0 = Problems.logisticMapPoint();
        rows.add(new Row("Bench06_LogisticMap", "LogisticMap n=100", new LogisticMap(100), l0,
                () -> LogisticMapHand.gradient(l0, 100), true));
        GmmData.Instance small = GmmData.generate(2, 5, 1000);
        rows.add(new Row("Bench07_Gmm", "GMM d=2 K=5 N=1000", small.objective(), small.point(),
                () -> GmmHand.gradient(small.objective(), small.point()), true));
        if (withLarge) {
            GmmData.Instance large = GmmData.generate(10, 25, 10_000);
            rows.add(new Row("Bench07_Gmm", "GMM d=10 K=25 N=10000", large.objective(), large.point(),
                    () -> GmmHand.gradient(large.objective(), large.point()), false));
        }
        var lsq = Problems.leastSquares();
        double[] x = Problems.leastSquaresPoint();
        rows.add(new Row("Bench08_LeastSquares", "Least squares 200x100", lsq, x,
                () -> LeastSquaresHand.gradient(lsq, x), true));
        var morse = Problems.morse();
        double[] atoms = Problems.morsePoint();
        rows.add(new Row("Bench09_Morse", "Morse cluster 100 atoms", morse, atoms,
                () -> MorseHand.gradient(morse, atoms), true));
        rows.add(new Row("Bench11_MorseObjects", "Morse cluster, Vec3 objects", Problems.morseObjects(), atoms,
                () -> MorseHand.gradient(morse, atoms), true));
        return rows;
    }
}
