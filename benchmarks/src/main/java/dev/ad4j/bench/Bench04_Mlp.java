package dev.ad4j.bench;

import bench.hand.MlpHand;
import bench.model.Mlp;
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
 * Question: backpropagation for free? A small MLP loss differentiated by ad4j against
 * hand-written backprop.
 *
 * 10 inputs -> 32 tanh units -> 1 output, mean squared error over a batch of 64: 385
 * parameters. Hand-written backprop keeps the hidden activations and costs about 2-3x the
 * forward pass. FD needs 770 forward passes: here reverse mode (ad4j or by hand) should win
 * by two orders of magnitude, the textbook argument for reverse mode (gradient cost independent
 * of the number of inputs).
 *
 * Hypothesis: ad4j within 4x hand-written and 8x primal; FD above 100x primal.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench04_Mlp {

    @State(Scope.Benchmark)
    public static class Data {
        final Mlp f = Problems.mlp();
        final double[] p = Problems.mlpPoint(f);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return MlpHand.gradient(s.f, s.p);
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
     *   benchmarks/run.sh --quick Bench04
     */
}
