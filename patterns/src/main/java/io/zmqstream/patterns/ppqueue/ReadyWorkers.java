package io.zmqstream.patterns.ppqueue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.zmqstream.RoutingEnvelope;

/**
 * The workers a queue may send a request to, longest waiting first, each with the moment it counts
 * as gone unless it says something. Used on the loop thread only.
 */
final class ReadyWorkers {

    private final Map<RoutingEnvelope, Long> expiries = new LinkedHashMap<>();

    /** A worker spoke: it is ready, last in line, until {@code expiresAtNanos}. */
    void ready(RoutingEnvelope worker, long expiresAtNanos) {
        expiries.remove(worker);
        expiries.put(worker, expiresAtNanos);
    }

    /** Takes the worker that has waited longest; there must be one. */
    RoutingEnvelope next() {
        Iterator<RoutingEnvelope> oldest = expiries.keySet().iterator();
        RoutingEnvelope worker = oldest.next();
        oldest.remove();
        return worker;
    }

    /** Forgets the workers that have said nothing for too long. */
    void purge(long nowNanos) {
        expiries.values().removeIf(expiry -> expiry - nowNanos < 0);
    }

    boolean isEmpty() {
        return expiries.isEmpty();
    }

    /** The workers now, for their heartbeats. */
    Set<RoutingEnvelope> workers() {
        return Set.copyOf(expiries.keySet());
    }
}
