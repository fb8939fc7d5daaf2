/**
 * Hand-written gradients of the {@code bench.model} functions: the baseline ad4j is measured
 * against. Never instrumented (the forks include only {@code bench.model.*}).
 */
package bench.hand;
