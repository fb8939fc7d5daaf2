/** Internal: binomial checkpointing (Revolve schedule), recompute regions and the local sweeps they run. */
package dev.ad4j.internal.checkpoint;
