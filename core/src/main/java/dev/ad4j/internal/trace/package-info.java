/** Internal: survey-style primal/adjoint traces and Graphviz rendering of a recorded tape. */
package dev.ad4j.internal.trace;
