/**
 * The functions the benchmarks differentiate, written the way numeric Java is usually written
 * (loops, arrays, small static helpers, objects holding data). The JMH forks that measure ad4j
 * instrument exactly this package ({@code includes=bench.model.*}); everything else
 * (hand-written gradients in {@code bench.hand}, JMH code in {@code dev.ad4j.bench}) stays plain.
 */
package bench.model;
