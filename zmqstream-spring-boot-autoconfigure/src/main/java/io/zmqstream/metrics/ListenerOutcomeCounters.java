package io.zmqstream.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.zmqstream.listener.ListenerInvocationObserver;

/**
 * What became of one {@code @ZmqListener}'s failures: {@code zmq.listener.retries} (tag
 * {@code exception}, the failure's simple class name) counts the attempts made again, and
 * {@code zmq.listener.dead.letters} (tag {@code outcome}, {@code sent} or {@code refused}) the
 * messages sent to its dead-letter stream, or that stream could not take. Both carry
 * {@code stream} and {@code listener.id}; every attempt is also one {@code zmq.listener} timing.
 */
final class ListenerOutcomeCounters {

    /** Counts nothing: where there is no meter registry. */
    static final ListenerOutcomeCounters NONE = new ListenerOutcomeCounters(null, Tags.empty());

    private final MeterRegistry registry;
    private final Tags tags;

    ListenerOutcomeCounters(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    void retrying(Throwable failure) {
        if (registry != null) {
            Counter.builder("zmq.listener.retries").tags(tags).tag("exception", failure.getClass().getSimpleName())
                    .description("@ZmqListener attempts made again after a failure").register(registry).increment();
        }
    }

    void deadLettered(boolean taken) {
        if (registry != null) {
            Counter.builder("zmq.listener.dead.letters").tags(tags).tag("outcome", taken ? "sent" : "refused")
                    .description("Messages a @ZmqListener failed on for good, sent to its dead-letter stream")
                    .register(registry).increment();
        }
    }

    /** A listener's invocations whose retries and dead letters these counters count; the start is the observer's. */
    abstract static class CountedInvocations implements ListenerInvocationObserver.Invocations {

        private final ListenerOutcomeCounters outcomes;

        CountedInvocations(ListenerOutcomeCounters outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public void retrying(Throwable failure) {
            outcomes.retrying(failure);
        }

        @Override
        public void deadLettered(boolean taken) {
            outcomes.deadLettered(taken);
        }
    }
}
