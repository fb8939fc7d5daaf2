/**
 * The floor of any tape with ad4j's layout: each benchmark function recorded by hand onto a
 * minimal tape ({@link bench.floor.MinimalTape}), with the statements ad4j records for it (one
 * per store, sums appended to one statement) but none of the work the instrumentation adds:
 * no shadow lookups, no checks, no capacity tests, no thread-local tape. The distance from
 * {@code tapeFloor} to {@code ad4j} is what instrumentation costs; the distance from
 * {@code handWritten} to {@code tapeFloor} is what recording a tape costs at all.
 *
 * <p>{@code checkedTapeFloor} (Rosenbrock, logistic regression) records the same tape with the
 * one check per read that instrumentation cannot drop: the element's statement looked up in
 * the array's shadow and accepted only if its value has the bits just read, so that a write
 * by code that is not instrumented makes the element passive instead of wrong. The distance
 * from {@code tapeFloor} to {@code checkedTapeFloor} is the price of that guarantee; from
 * {@code checkedTapeFloor} to {@code ad4j}, what the instrumentation adds on top.
 *
 * <p>Not instrumented: the benchmarks' agent selects {@code bench.model.*} only.
 */
package bench.floor;
