/**
 * {@code @ZmqScheduled}: bean methods that run periodically on the loop thread, beside the
 * streams they touch (heartbeats, ticks, expiry), started and stopped with the application.
 */
package io.zmqstream.scheduling;
