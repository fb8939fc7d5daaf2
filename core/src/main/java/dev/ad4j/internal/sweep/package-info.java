/** Internal: reverse (adjoint) and forward (tangent) sweeps, scalar and vector mode. */
package dev.ad4j.internal.sweep;
