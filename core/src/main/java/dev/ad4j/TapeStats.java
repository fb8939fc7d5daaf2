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
 * @param peakBytes  bytes allocated by the tape at its largest during the recording (counted
 *                   against the budget; includes array shadows)
 */
public record TapeStats(long statements, long arguments, long bytes, long peakBytes) {
}
