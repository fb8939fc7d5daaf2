package dev.ad4j.fuzz;

import dev.ad4j.AD;
import dev.ad4j.ScalarFunction;
import dev.ad4j.ValueAndGradient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The differential tester across JVMs: {@link #prepare} compiles a batch of programs into a
 * directory; {@link #main} runs them in a forked JVM, plain (primal bits and finite differences)
 * or under {@code -javaagent} (primal bits, recorded value and AD gradient), printing raw bits;
 * {@link #compare} judges the two outputs with the {@link Oracle}.
 */
public final class BatchRunner {

    private static final String PACKAGE = "com.example.fuzz.it";

    private BatchRunner() {
    }

    /**
     * Generates and compiles {@code count} programs into {@code dir/classes}.
     *
     * @return the program list file to pass to {@link #main}
     */
    public static Path prepare(long seed, int count, Path dir) throws IOException {
        Generator generator = new Generator(seed, Feature.parse(System.getProperty("ad4j.fuzz.features")));
        Map<String, String> sources = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (int first = 0; first < count; first += 50) {
            String cls = PACKAGE + ".B" + first;
            List<Program> batch = new ArrayList<>();
            for (int i = first; i < Math.min(count, first + 50); i++) {
                Program p = generator.generate("p" + i + "_");
                batch.add(p);
                StringBuilder line = new StringBuilder(cls).append(' ').append(p.entry());
                for (double v : p.point()) {
                    line.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v)));
                }
                lines.add(line.toString());
            }
            sources.put(cls, Program.classSource(PACKAGE, cls.substring(PACKAGE.length() + 1), batch));
        }
        String errors = SourceCompiler.compile(sources, dir.resolve("classes"));
        if (errors != null) {
            throw new IllegalStateException("generated programs do not compile:\n" + errors);
        }
        Path list = dir.resolve("programs.txt");
        Files.write(list, lines);
        return list;
    }

    /** {@code plain|agent <program list>}: prints one line of raw bits per program. */
    public static void main(String[] args) throws Exception {
        boolean agent = args[0].equals("agent");
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String[] f = line.split(" ");
            double[] x = new double[f.length - 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = Double.longBitsToDouble(Long.parseUnsignedLong(f[i + 2], 16));
            }
            ScalarFunction fn = Campaign.function(Class.forName(f[0]), f[1]);
            StringBuilder out = new StringBuilder(f[1]);
            try {
                out.append(' ').append(bits(fn.apply(x.clone())));
                if (agent) {
                    ValueAndGradient vg = AD.valueAndGradient(fn, x.clone());
                    out.append(' ').append(bits(vg.value())).append(bits(vg.gradient()))
                            .append(bits(new double[] {Oracle.largestIntermediate()}));
                } else {
                    out.append(bits(Oracle.differences(fn, x, 1e-5))).append(bits(Oracle.differences(fn, x, 1e-6)))
                            .append(bits(Oracle.differences(fn, x, 1e-7))).append(bits(Oracle.differences(fn, x, 1e-8)))
                            .append(bits(new double[] {Oracle.onKnifeEdge(fn, x) ? 1 : 0}));
                }
            } catch (RuntimeException | StackOverflowError e) {
                out.append(" throws ").append(e.getClass().getName());
            }
            System.out.println(out);
        }
    }

    private static String bits(double v) {
        return Long.toHexString(Double.doubleToRawLongBits(v));
    }

    private static String bits(double[] g) {
        StringBuilder sb = new StringBuilder(" :");
        for (double v : g) {
            sb.append(' ').append(bits(v));
        }
        return sb.toString();
    }

    private static double[] parse(String part) {
        String[] f = part.strip().split(" ");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Double.longBitsToDouble(Long.parseUnsignedLong(f[i], 16));
        }
        return v;
    }

    /** @return one description per program whose plain and agent outputs disagree */
    public static List<String> compare(String plainOut, String agentOut) {
        List<String> problems = new ArrayList<>();
        String[] plain = plainOut.split("\n");
        String[] agent = agentOut.split("\n");
        if (plain.length != agent.length) {
            problems.add("different program counts: " + plain.length + " vs " + agent.length);
            return problems;
        }
        for (int i = 0; i < plain.length; i++) {
            String[] p = plain[i].split(" : ");
            String[] a = agent[i].split(" : ");
            String[] ph = p[0].split(" ");
            String[] ah = a[0].split(" ");
            if (!plain[i].contains(" throws ") && agent[i].endsWith("throws dev.ad4j.InactiveOutputException")
                    && isZero(parse(p[1])) && isZero(parse(p[2]))) {
                continue; // the output does not depend on the input, and ad4j says so
            }
            if (plain[i].contains(" throws ") || agent[i].contains(" throws ")) {
                if (!ph[1].equals(ah[1]) || !plain[i].contains(" throws ")) {
                    problems.add("plain: " + plain[i] + "\n  agent: " + agent[i]);
                }
                continue;
            }
            if (!ph[1].equals(ah[1]) || !ph[1].equals(ah[2])) {
                problems.add("primal bits differ: plain: " + plain[i] + "\n  agent: " + agent[i]);
                continue;
            }
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(ph[1], 16));
            if (!Double.isFinite(value) || Math.abs(value) > 1e8) {
                continue;
            }
            double largest = parse(a[2])[0];
            Oracle.Verdict v = Oracle.judge(value, parse(a[1]), largest, parse(p[1]), parse(p[2]), parse(p[3]), parse(p[4]));
            if (v.outcome() == Oracle.Outcome.MISMATCH) {
                v = Oracle.excuse(v, largest);
            }
            if (v.outcome() == Oracle.Outcome.MISMATCH && parse(p[5])[0] != 0) {
                v = Oracle.KNIFE_EDGE;
            }
            if (v.outcome() == Oracle.Outcome.MISMATCH) {
                problems.add(ph[0] + ": " + v.detail());
            }
        }
        return problems;
    }


    private static boolean isZero(double[] g) {
        for (double v : g) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
