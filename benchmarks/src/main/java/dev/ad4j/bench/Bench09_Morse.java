package dev.ad4j.bench;

import bench.hand.MorseHand;
import bench.model.Morse;
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
 * Question: do the targets hold on code the other rows were not written for, where the work is
 * in transcendental functions rather than in products and sums? The potential energy of 100
 * atoms under the Morse pair potential (bench.model.Morse), whose gradient is the negated
 * forces: 4950 pairs, each a square root and an exponential, 300 parameters.
 *
 * The row was added after the performance work on the other rows, and nothing was tuned for
 * it. The hand-written gradient reuses the exponential of the primal, as any force routine
 * does; ad4j records one statement per store, whose partials (1 / 2r for the root, the
 * exponential itself for exp) cost no further transcendental call.
 *
 * Hypothesis (issue 7 targets): ad4j within 4x hand-written and 8x primal, closer to them than
 * the rows dominated by multiply-adds, because the library calls the primal and the hand-written
 * gradient pay for also bound ad4j's time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench09_Morse {

    @State(Scope.Benchmark)
    public static class Data {
        final Morse f = Problems.morse();
        final double[] x = Problems.morsePoint();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return MorseHand.gradient(s.f, s.x);
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
     *   benchmarks/run.sh --quick Bench09
     */
}
