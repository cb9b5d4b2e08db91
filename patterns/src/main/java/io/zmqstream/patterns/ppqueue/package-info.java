/**
 * The Guide's Paranoid Pirate queue ({@code ppqueue}) and worker ({@code ppworker}): heartbeats
 * both ways, workers that went quiet expired by the queue, a worker that lost its queue back as a
 * new peer.
 */
package io.zmqstream.patterns.ppqueue;
