package io.zmqstream;

import java.time.Instant;

import org.zeromq.ZMonitor;

/**
 * One event of a stream's socket monitor, as {@link ConnectionEventCallback}s get it.
 *
 * @param type what happened, in JeroMQ's terms ({@code CONNECTED}, {@code HANDSHAKE_PROTOCOL} when
 *        the handshake is done, {@code DISCONNECTED}, ...)
 * @param endpoint the endpoint as JeroMQ reports it
 * @param time when the socket reported it
 */
public record ConnectionEvent(ZMonitor.Event type, String endpoint, Instant time) {
}
