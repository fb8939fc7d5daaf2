package dev.ad4j.bench;

import bench.model.LogisticMap;
import bench.model.Rosenbrock;
import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Records gradients of every other benchmark model for a while before a fork measures its own:
 * the JVM then looks like an application with much instrumented code that ran first, not a
 * fork that only ever ran one model. The JIT's profiles of ad4j's runtime helpers are shared by
 * all instrumented code, so a row measured alone can look better than what a user gets
 * (docs/benchmarks.md, item 23). The measured model itself does not run here: its code is
 * compiled during the fork's warm-up, after all the others.
 */
@State(Scope.Benchmark)
public class OtherModels {

    /** Time each model records for, enough for its loops to be compiled by C2. */
    private static final long NANOS_EACH = 400_000_000L;

    /** Sum of a gradient component of each call, so that the JIT cannot drop the calls. */
    public double sink;

    @Setup(Level.Trial)
    public void recordOthers(BenchmarkParams params) {
        Map<String, Supplier<Problem>> models = new LinkedHashMap<>();
        models.put("Bench02_Rosenbrock", () -> new Problem(new Rosenbrock(), Problems.rosenbrockPoint(1000)));
        models.put("Bench03_LogisticRegression",
                () -> new Problem(Problems.logisticRegression(), Problems.logisticRegressionPoint()));
        models.put("Bench04_Mlp", () -> {
            var mlp = Problems.mlp();
            return new Problem(mlp, Problems.mlpPoint(mlp));
        });
        models.put("Bench05_OdeRk4", () -> new Problem(Problems.ode(), Problems.odePoint()));
        models.put("Bench06_LogisticMap", () -> new Problem(new LogisticMap(100), Problems.logisticMapPoint()));
        models.put("Bench07_Gmm", () -> {
            GmmData.Instance gmm = GmmData.generate(2, 5, 1000);
            return new Problem(gmm.objective(), gmm.point());
        });
        models.put("Bench08_LeastSquares", () -> new Problem(Problems.leastSquares(), Problems.leastSquaresPoint()));
        models.put("Bench09_Morse", () -> new Problem(Problems.morse(), Problems.morsePoint()));
        String measured = params.getBenchmark();
        for (Map.Entry<String, Supplier<Problem>> e : models.entrySet()) {
            if (!measured.contains("." + e.getKey() + ".")) {
                run(e.getValue().get());
            }
        }
    }

    private void run(Problem p) {
        long end = System.nanoTime() + NANOS_EACH;
        while (System.nanoTime() < end) {
            sink += AD.gradient(p.f, p.x)[0];
        }
    }

    private record Problem(ScalarFunction f, double[] x) {
    }
}
