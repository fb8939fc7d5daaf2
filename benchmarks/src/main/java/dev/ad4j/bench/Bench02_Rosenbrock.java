package dev.ad4j.bench;

import bench.floor.MinimalTape;
import bench.floor.RosenbrockFloor;
import bench.floor.RosenbrockRuntimeCalls;
import bench.hand.RosenbrockHand;
import bench.model.Rosenbrock;
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
 * Question: what does an ad4j gradient cost on the simplest array loop, at small and large n?
 *
 * Rosenbrock, sum 100 (x[i+1] - x[i]^2)^2 + (1 - x[i])^2, about 9 flops per element. Its
 * hand-written gradient costs about 2x the function. ad4j records the whole sum as one tape
 * statement with two arguments per element (x[i] and x[i+1], their partials combined inline)
 * and sweeps back; tapeFloor records that same tape by hand, without instrumentation, and
 * checkedTapeFloor adds the checks every instrumented read needs (bench.floor.MinimalTape);
 * runtimeCallsByHand records on ad4j's tape through the runtime helpers the rewritten loop
 * calls, written by hand (bench.floor.RosenbrockRuntimeCalls).
 *
 * Hypothesis (issue 7 targets): ad4j <= 4x hand-written and <= 8x primal; the ratios should
 * not grow from n = 10^3 to n = 10^5 (the tape is linear in n), though 10^5 no longer fits in
 * cache. Central differences cost 2n primals: quadratic in n, so measured at n = 10^3 only.
 *
 * The primal, hand-written and FD run in forks without the agent; ad4j in a fork that
 * instruments bench.model.*.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench02_Rosenbrock {

    @State(Scope.Benchmark)
    public static class Sizes {
        @Param({"1000", "100000"})
        public int n;
        final Rosenbrock f = new Rosenbrock();
        final RosenbrockRuntimeCalls byHand = new RosenbrockRuntimeCalls();
        double[] x;
        MinimalTape tape;
        int[] shadow;

        @Setup
        public void setup() {
            x = Problems.rosenbrockPoint(n);
            tape = RosenbrockFloor.tapeFor(n);
            shadow = new int[n];
        }
    }

    /** Finite differences at n = 1000 only (2n evaluations). */
    @State(Scope.Benchmark)
    public static class Small {
        final Rosenbrock f = new Rosenbrock();
        final double[] x = Problems.rosenbrockPoint(1000);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Sizes s) {
        return s.f.apply(s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Sizes s) {
        return RosenbrockHand.gradient(s.x);
    }

    /** The same gradient recorded by hand on a minimal tape: the floor under any taping tool (bench.floor). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] tapeFloor(Sizes s) {
        return RosenbrockFloor.gradient(s.x, s.tape);
    }

    /** tapeFloor with the checks no instrumentation can skip: a shadow lookup and a value check per read. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] checkedTapeFloor(Sizes s) {
        return RosenbrockFloor.checkedGradient(s.x, s.tape, s.shadow);
    }

    /** ad4j's runtime helpers called by hand as the rewritten loop calls them, on its tape (bench.floor). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] runtimeCallsByHand(Sizes s) {
        return AD.gradient(s.byHand, s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Sizes s) {
        return AD.gradient(s.f, s.x);
    }

    /** ad4j in a fork that first recorded gradients of every other model for a while ({@link OtherModels}). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4jAfterOtherModels(Sizes s, OtherModels others) {
        return AD.gradient(s.f, s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] finiteDifferencesN1000(Small s) {
        return FiniteDifferences.central(s.f, s.x);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench02
     *
     * or, once built: java -jar benchmarks/target/benchmarks.jar Bench02
     * Compare ad4j with primal and handWritten at the same n.
     */
}
