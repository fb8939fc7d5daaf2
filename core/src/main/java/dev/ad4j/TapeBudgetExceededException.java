package dev.ad4j;

/**
 * Thrown when a recording would need more tape memory than the budget allows
 * ({@link AD#setMaxTapeBytes(long)}, system property {@code ad4j.maxTape}, agent option
 * {@code maxTape=}). It replaces an {@link OutOfMemoryError} deep in the JVM.
 *
 * <pre>{@code
 * AD.setMaxTapeBytes(64L << 20);           // 64 MB
 * try {
 *     AD.gradient(longSimulation, x0);
 * } catch (TapeBudgetExceededException e) {
 *     // use Checkpointing.iterate(...) for the time loop, or raise the budget
 * }
 * }</pre>
 */
public class TapeBudgetExceededException extends ADException {
    private static final long serialVersionUID = 1L;

    private final long budgetBytes;
    private final long reachedBytes;

    /** Creates the exception for a budget and the size the tape had reached. */
    public TapeBudgetExceededException(long budgetBytes, long reachedBytes, long statements) {
        super("ad4j tape memory budget exceeded: the budget is " + budgetBytes + " bytes ("
                + AD.formatBytes(budgetBytes) + ") and the tape had reached " + reachedBytes
                + " bytes (" + AD.formatBytes(reachedBytes) + ", " + statements
                + " statements). Use dev.ad4j.Checkpointing (binomial checkpointing of time-stepping"
                + " loops) to trade recomputation for tape memory, or raise the budget with"
                + " AD.setMaxTapeBytes(...), -Dad4j.maxTape=<size> or the agent option maxTape=<size>"
                + " (k/m/g suffixes).");
        this.budgetBytes = budgetBytes;
        this.reachedBytes = reachedBytes;
    }

    /** The budget in bytes that was in force. */
    public long budgetBytes() {
        return budgetBytes;
    }

    /** The tape size in bytes when growing failed. */
    public long reachedBytes() {
        return reachedBytes;
    }
}
