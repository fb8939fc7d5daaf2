package dev.ad4j.bench;

import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
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
        String measured = params.getBenchmark();
        for (Rows.Row r : Rows.all(false)) {
            if (!measured.contains("." + r.bench() + ".")) {
                run(r.f(), r.x());
            }
        }
    }

    private void run(ScalarFunction f, double[] x) {
        long end = System.nanoTime() + NANOS_EACH;
        while (System.nanoTime() < end) {
            sink += AD.gradient(f, x)[0];
        }
    }
}
