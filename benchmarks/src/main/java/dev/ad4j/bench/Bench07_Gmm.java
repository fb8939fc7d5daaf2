package dev.ad4j.bench;

import bench.hand.GmmHand;
import bench.model.Gmm;
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
 * Question: how does ad4j compare with the tools in ADBench on its GMM objective?
 *
 * ADBench (Srajer, Kukelova, Fitzgibbon 2018) reports, for the GMM gradient, the time ratio
 * gradient / objective: Manual 1.9-7.2, Tapenade 3.7-15.5, ADOL-C 13-28, Adept 11-45 (the
 * ranges over its problem sizes). Two of its sizes: d = 2, K = 5, N = 1000 (30 parameters) and
 * d = 10, K = 25, N = 10000 (1650 parameters, a ~34M-statement tape of ~1.2 GB with ad4j's
 * current one-statement-per-operation recording). Data: ADBench's generator recipe (GmmData).
 *
 * Hypothesis: ad4j's gradient / objective inside the operator-overloading tools' range
 * (ADOL-C, Adept), ideally near Tapenade's. FD needs 2 x 1650 objectives at the large size
 * (over a minute per gradient), so it is measured at the small size only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bench07_Gmm {

    @State(Scope.Benchmark)
    public static class Data {
        /** d,K,N as in ADBench's file names gmm_d{d}_K{K}_N{N}. */
        @Param({"2,5,1000", "10,25,10000"})
        public String dKN;
        Gmm f;
        double[] p;

        @Setup
        public void setup() {
            String[] s = dKN.split(",");
            GmmData.Instance g = GmmData.generate(Integer.parseInt(s[0]), Integer.parseInt(s[1]), Integer.parseInt(s[2]));
            f = g.objective();
            p = g.point();
        }
    }

    /** Finite differences at d = 2, K = 5, N = 1000 only. */
    @State(Scope.Benchmark)
    public static class Small {
        final GmmData.Instance g = GmmData.generate(2, 5, 1000);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double primal(Data s) {
        return s.f.apply(s.p);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {AgentJar.HEAP})
    public double[] handWritten(Data s) {
        return GmmHand.gradient(s.f, s.p);
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
    public double[] finiteDifferencesSmall(Small s) {
        return FiniteDifferences.central(s.g.objective(), s.g.point());
    }

    /*
     * How to run:
     *
     *   benchmarks/run.sh --quick Bench07
     */
}
