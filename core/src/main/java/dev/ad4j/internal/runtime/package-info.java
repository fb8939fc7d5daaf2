/**
 * Internal: the runtime that rewritten bytecode calls ({@link dev.ad4j.internal.runtime.Rt},
 * a stable contract) and the derivative rules behind it.
 */
package dev.ad4j.internal.runtime;
