/**
 * Micrometer meters of the core's own counters, and the timers or observations of
 * {@code @ZmqListener} invocations.
 */
package io.zmqstream.metrics;
