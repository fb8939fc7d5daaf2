/** Internal: the per-thread tape (flat primitive arrays), op codes, array shadows, and the inlining mark of the hot paths. */
package dev.ad4j.internal.tape;
