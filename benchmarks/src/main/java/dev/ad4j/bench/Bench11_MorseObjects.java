package dev.ad4j.bench;

import bench.hand.MorseHand;
import bench.model.Morse;
import bench.model.MorseObjects;
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
 * Question: what does object-oriented code cost to differentiate? Bench09's potential written
 * with an immutable Vec3 class (bench.model.MorseObjects): per pair, p[i].minus(p[j]) makes a
 * new object through a constructor with three doubles, and norm() calls dot() in Vec3. The
 * primal's JIT inlines both calls and removes the allocation; a recording must give every
 * double that crosses a call or lands in a field an index of its own.
 *
 * The hand-written gradient is Bench09's (the same function, to the bit).
 *
 * Hypothesis (issue 7 targets): ad4j within 4x hand-written and 8x primal. Expected to miss: in
 * a harness the same pairs recorded 2.4x slower than Bench09's array code (benchmarks.md,
 * item 35).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench11_MorseObjects {

    @State(Scope.Benchmark)
    public static class Data {
        final MorseObjects f = Problems.morseObjects();
        final Morse sameFunction = Problems.morse();
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
        return MorseHand.gradient(s.sameFunction, s.x);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP, AgentJar.WITH_AGENT})
    public double[] ad4j(Data s) {
        return AD.gradient(s.f, s.x);
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench11
     */
}
