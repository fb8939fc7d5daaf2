/**
 * The floor of any tape with ad4j's layout: each benchmark function recorded by hand onto a
 * minimal tape ({@link bench.floor.MinimalTape}), with the statements ad4j records for it (one
 * per store, sums appended to one statement) but none of the work the instrumentation adds:
 * no shadow lookups, no checks, no capacity tests, no thread-local tape. The distance from
 * {@code tapeFloor} to {@code ad4j} is what instrumentation costs; the distance from
 * {@code handWritten} to {@code tapeFloor} is what recording a tape costs at all.
 *
 * <p>Not instrumented: the benchmarks' agent selects {@code bench.model.*} only.
 */
package bench.floor;
