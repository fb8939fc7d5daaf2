package dev.ad4j.bench;

import bench.floor.LogisticRegressionFloor;
import bench.floor.MinimalTape;
import bench.hand.LogisticRegressionHand;
import bench.model.LogisticRegression;
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
 * Question: how does ad4j do on a dot-product-dominated loss with few inputs and much data?
 *
 * Logistic regression, n = 1000 samples x d = 50 features, mean softplus(z) - y z with
 * z = X w. The gradient X^T (sigmoid(z) - y) / n costs about 2x the loss by hand. On the tape,
 * every z += X[i][j] * w[j] is two statements (the multiply and the add): 2 n d statements whose
 * inputs are mostly passive data, the pattern CoDiPack-style statement-level taping and
 * accumulation (docs: DESIGN, "Tape and sweeps") would shrink most.
 *
 * Hypothesis: ad4j within 4x hand-written and 8x primal. FD needs 2d = 100 losses: with
 * d = 50 it is still affordable, which is exactly why FD stays popular for small d.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench03_LogisticRegression {

    @State(Scope.Benchmark)
    public static class Data {
        final LogisticRegression f = Problems.logisticRegression();
        final double[] w = Problems.logisticRegressionPoint();
        final MinimalTape tape = LogisticRegressionFloor.tapeFor(f);
        final int[] shadow = new int[w.length];
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.w);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return LogisticRegressionHand.gradient(s.f, s.w);
    }

    /** The same gradient recorded by hand on a minimal tape: the floor under any taping tool (bench.floor). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] tapeFloor(Data s) {
        return LogisticRegressionFloor.gradient(s.f, s.w, s.tape);
    }

    /** tapeFloor with the checks no instrumentation can skip: a shadow lookup and a value check per read. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] checkedTapeFloor(Data s) {
        return LogisticRegressionFloor.checkedGradient(s.f, s.w, s.tape, s.shadow);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Data s) {
        return AD.gradient(s.f, s.w);
    }

    /** ad4j in a fork that first recorded gradients of every other model for a while ({@link OtherModels}). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4jAfterOtherModels(Data s, OtherModels others) {
        return AD.gradient(s.f, s.w);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] finiteDifferences(Data s) {
        return FiniteDifferences.central(s.f, s.w);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench03
     */
}
