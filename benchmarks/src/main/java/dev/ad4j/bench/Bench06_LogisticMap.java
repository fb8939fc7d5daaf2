package dev.ad4j.bench;

import bench.hand.LogisticMapHand;
import bench.model.LogisticMap;
import dev.ad4j.AD;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Question: the survey's example of expression swell (Baydin et al., JMLR 2018, Table 1).
 *
 * l(k+1) = 4 l(k) (1 - l(k)), 100 steps from l(0) = 0.3. Written as one expression, l(n) has
 * 6 * 2^n - 5 tree nodes and its unsimplified symbolic derivative ~10^33 at n = 100 (printed by
 * benchmarks/run.sh through Check, see docs/benchmarks.md); the ad4j tape stays linear: 3
 * statements and 4 arguments per step. Timing: the gradient of a 300-flop function, so the fixed
 * cost of a recording (tape setup, input copy, sweep allocation) is visible here.
 *
 * Hypothesis: ad4j's tape is linear in n (shown by Check), its time a small multiple of the
 * hand-written chain rule plus a fixed cost per call. FD is cheap (2 evaluations) but wrong:
 * the map is chaotic and l'(100) ~ 1.3e30, so a step of 6e-6 lands on unrelated orbits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench06_LogisticMap {

    @State(Scope.Benchmark)
    public static class Data {
        final LogisticMap f = new LogisticMap(100);
        final double[] x = Problems.logisticMapPoint();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return LogisticMapHand.gradient(s.x, s.f.n());
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Data s) {
        return AD.gradient(s.f, s.x);
    }

    /** ad4j in a fork that first recorded gradients of every other model for a while ({@link OtherModels}). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4jAfterOtherModels(Data s, OtherModels others) {
        return AD.gradient(s.f, s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] finiteDifferences(Data s) {
        return FiniteDifferences.central(s.f, s.x);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench06
     *
     * The swell table: java -javaagent:agent/target/ad4j-agent.jar=includes=bench.model.* \
     *     -cp benchmarks/target/benchmarks.jar dev.ad4j.bench.Check
     */
}
