package dev.ad4j.bench;

import bench.hand.LotkaVolterraRk4Hand;
import bench.model.LotkaVolterraRk4;
import bench.model.LotkaVolterraRk4Scalars;
import dev.ad4j.AD;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/*
 * Question: does the way an ODE step is written change what its gradient costs?
 *
 * Bench05's loss, written as a hand-coded solver often is: one method, the state and the four
 * stages in scalar locals, no arrays and no calls. Its recording body is one big method, which
 * is where HotSpot's inlining budget runs out (benchmarks.md, item 34). The hand-written gradient
 * is Bench05's (the same function); its FD costs what Bench05's does.
 *
 * Hypothesis: ad4j within 4x hand-written and 8x primal, and not slower than Bench05's ad4j.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench10_OdeRk4Scalars {

    @State(Scope.Benchmark)
    public static class Data {
        final LotkaVolterraRk4Scalars f = Problems.odeScalars();
        final LotkaVolterraRk4 sameFunction = Problems.ode();
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
        return LotkaVolterraRk4Hand.gradient(s.sameFunction, s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Data s) {
        return AD.gradient(s.f, s.p);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench10
     */
}
