package dev.ad4j.bench;

import bench.hand.LotkaVolterraRk4Hand;
import bench.model.LotkaVolterraRk4;
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
 * Question: differentiating through an ODE solver written with state arrays and helper calls.
 *
 * Lotka-Volterra, 1000 classic RK4 steps (T = 10), loss on the final state, gradient with
 * respect to the 4 rates and the 2 initial values. The code calls rhs(p, s, out) and
 * axpy(...) four times per step on small double[] temporaries: it exercises array shadows
 * and calls more than arithmetic. The hand-written gradient integrates the 2 x 6 forward
 * sensitivities alongside the state (exact for the discrete RK4 solution), about 7x the
 * primal's work; with only 6 inputs FD (12 solves) is a strong competitor.
 *
 * Hypothesis: ad4j within 4x hand-written and 8x primal; FD about 12x primal.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench05_OdeRk4 {

    @State(Scope.Benchmark)
    public static class Data {
        final LotkaVolterraRk4 f = Problems.ode();
        final double[] p = Problems.odePoint();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return LotkaVolterraRk4Hand.gradient(s.f, s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Data s) {
        return AD.gradient(s.f, s.p);
    }

    /** ad4j in a fork that first recorded gradients of every other model for a while ({@link OtherModels}). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4jAfterOtherModels(Data s, OtherModels others) {
        return AD.gradient(s.f, s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] finiteDifferences(Data s) {
        return FiniteDifferences.central(s.f, s.p);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench05
     */
}
