/** Internal: the per-thread tape (flat primitive arrays), op codes and array shadows. */
package dev.ad4j.internal.tape;
