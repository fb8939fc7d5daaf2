package dev.ad4j;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reports of places where an active value lost its derivative while a gradient was being
 * recorded: passed into code that is not instrumented, stored into a field of a class that is
 * not rewritten, converted to an integer or to bits. The agent registers the places it can
 * watch when started with {@code diagnostics=true}; each place is reported once, on standard
 * error and in {@link #reports()}.
 *
 * <pre>{@code
 * // java -javaagent:ad4j-agent.jar=includes=com.acme.*,diagnostics=true ...
 * AD.gradient(Model::loss, w);
 * Diagnostics.reports().forEach(System.out::println);
 * // derivative lost at com.acme.Model.loss(Model.java:12): active argument passed to
 * //   java.util.stream.DoubleStream.sum(), which is not instrumented
 * }</pre>
 */
public final class Diagnostics {

    private static final List<String> SITES = new ArrayList<>();
    private static final BitSet REPORTED = new BitSet();
    private static final List<String> REPORTS = new ArrayList<>();

    private Diagnostics() {
    }

    /**
     * Registers a place that can lose a derivative (called by the agent while rewriting).
     *
     * @return the place's id, embedded in the rewritten code
     */
    public static synchronized int register(String where, String what) {
        SITES.add("derivative lost at " + where + ": " + what);
        return SITES.size() - 1;
    }

    /** Reports the place {@code site} once. */
    public static void report(int site) {
        String message;
        synchronized (Diagnostics.class) {
            if (site < 0 || site >= SITES.size() || REPORTED.get(site)) {
                return;
            }
            REPORTED.set(site);
            message = SITES.get(site);
            REPORTS.add(message);
        }
        System.err.println("ad4j: " + message);
    }

    /** @return the places reported so far, in order */
    public static synchronized List<String> reports() {
        return List.copyOf(REPORTS);
    }
}
