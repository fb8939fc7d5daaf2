package dev.ad4j.bench;

import bench.floor.LeastSquaresFloor;
import bench.floor.MinimalTape;
import bench.hand.LeastSquaresHand;
import bench.model.LeastSquares;
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
 * Question: what does a matrix-vector product cost when it is written the textbook way, with
 * the result accumulated in an array (r[i] += a[i][j] * x[j]) rather than in a local?
 *
 * Least squares |A x - b|^2 / 2 with a 200 x 100 Gaussian matrix stored as rows. The logistic
 * regression benchmark accumulates into a local; here each sum goes to an array element, which
 * ad4j records by appending to the statement the element holds (docs/how-it-works.md,
 * "Accumulations"), one statement per row as for a local.
 *
 * Hypothesis (issue 7 targets): ad4j within 4x hand-written and 8x primal; ad4j's time per
 * product close to the logistic regression's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench08_LeastSquares {

    @State(Scope.Benchmark)
    public static class Data {
        final LeastSquares f = Problems.leastSquares();
        final double[] x = Problems.leastSquaresPoint();
        final MinimalTape tape = LeastSquaresFloor.tapeFor(f, x.length);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return LeastSquaresHand.gradient(s.f, s.x);
    }

    /** The same gradient recorded by hand on a minimal tape: the floor under any taping tool (bench.floor). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] tapeFloor(Data s) {
        return LeastSquaresFloor.gradient(s.f, s.x, s.tape);
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
     *   benchmarks/run.sh --quick Bench08
     */
}
