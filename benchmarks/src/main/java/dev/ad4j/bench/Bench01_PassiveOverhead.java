package dev.ad4j.bench;

import bench.model.LogisticMap;
import bench.model.Rosenbrock;
import dev.ad4j.AD;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Question: what does instrumented code cost when nothing is recording?
 *
 * The agent rewrites every method of the included classes, and those methods run outside
 * gradient computations too (line searches, evaluation, logging). Each double operation then
 * also calls a static helper that tests "is any operand active?" and returns 0, and every
 * method starts with Rt.enter(), one static read when no thread records. The JIT should inline
 * all of it and fold it away.
 *
 * Hypothesis: within 1.3x of the uninstrumented code (issue 7; issue 2 asked for 1.5x).
 *
 * Method: the SAME class bench.model.Rosenbrock / bench.model.LogisticMap, measured in a fork
 * without the agent ("plain") and in a fork whose agent instruments bench.model.* ("instrumented"),
 * so the source and the original bytecode are identical. Two kernels: an array loop (Rosenbrock,
 * n = 1000) and a call-heavy scalar loop (the logistic map, 1000 calls of a static double
 * method). The third variant records 200 gradients first, so the JIT has seen the active paths
 * too, as in a program that alternates gradients and plain evaluations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class Bench01_PassiveOverhead {

    private final Rosenbrock rosenbrock = new Rosenbrock();
    private final double[] x = Problems.rosenbrockPoint(1000);
    private double l0 = 0.3;

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double loopPlain() {
        return rosenbrock.apply(x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double loopInstrumented() {
        return rosenbrock.apply(x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double loopInstrumentedAfterGradients(Recorded r) {
        return rosenbrock.apply(x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double callsPlain() {
        return LogisticMap.iterate(l0, 1000);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double callsInstrumented() {
        return LogisticMap.iterate(l0, 1000);
    }

    /** Records gradients of the same function before measuring. */
    @State(Scope.Benchmark)
    public static class Recorded {
        @Setup
        public void recordSome() {
            Rosenbrock f = new Rosenbrock();
            double[] x = Problems.rosenbrockPoint(1000);
            for (int i = 0; i < 200; i++) {
                AD.gradient(f, x);
            }
        }
    }

    /*
     * How to run (builds if needed, checks the gradients, forks with the agent where annotated):
     *
     *   benchmarks/run.sh --quick Bench01
     *
     * or, once built: java -jar benchmarks/target/benchmarks.jar Bench01
     * Read the ratio loopInstrumented / loopPlain (and calls*): 1.0 means free.
     */
}
