package dev.ad4j;

/**
 * Size of a recorded tape.
 *
 * <pre>{@code
 * Recording r = AD.record(f, x);
 * System.out.println(r.stats().statements() + " statements, " + r.stats().bytes() + " bytes");
 * }</pre>
 *
 * @param statements number of statements (inputs included)
 * @param arguments  number of recorded (active operand, partial) pairs
 * @param bytes      bytes used by those statements and arguments
 * @param peakBytes  bytes the recording used at its largest: statements, arguments and array
 *                   shadows, including steps that checkpointing taped and dropped during the
 *                   sweeps. A tape budget ({@code maxTape}) of this size plus an eighth for
 *                   growth is enough to repeat the computation.
 */
public record TapeStats(long statements, long arguments, long bytes, long peakBytes) {
}
