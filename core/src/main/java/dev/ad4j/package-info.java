/**
 * ad4j public API: reverse- and forward-mode automatic differentiation of compiled JVM code
 * rewritten by the ad4j agent.
 *
 * <pre>{@code
 * // java -javaagent:ad4j-agent.jar=includes=com.acme.* -cp app.jar com.acme.Main
 * ValueAndGradient vg = AD.valueAndGradient(model::loss, params);
 * }</pre>
 *
 * Everything under {@code dev.ad4j.internal} is internal and may change without notice,
 * except {@link dev.ad4j.internal.runtime.Rt}, the stable contract that rewritten bytecode calls.
 */
package dev.ad4j;
