package io.zmqstream.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.zmqstream.listener.ListenerInvocationObserver;

/**
 * Times every {@code @ZmqListener} invocation with a {@code zmq.listener} timer, from the call until
 * the message is handled (a returned stage included). Tags: {@code stream}, {@code listener.id},
 * {@code result} ({@code success} or {@code failure}) and {@code exception} (the failure's simple
 * class name, or {@code none}): each attempt of a retried message is one timing. Retries and dead
 * letters are counted too ({@link ListenerOutcomeCounters}).
 */
public class ListenerTimers implements ListenerInvocationObserver {

    private final MeterRegistry registry;

    /**
     * Creates the observer.
     *
     * @param registry where the timers go
     */
    public ListenerTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Invocations forListener(String listenerId, String streamName) {
        Tags tags = Tags.of("stream", streamName, "listener.id", listenerId);
        Timer success = timer(tags.and("result", "success", "exception", "none"));
        Clock clock = registry.config().clock();
        ListenerOutcomeCounters outcomes = new ListenerOutcomeCounters(registry, tags);
        return new ListenerOutcomeCounters.CountedInvocations(outcomes) {
            @Override
            public Invocation start() {
                // One capture per invocation, where a Timer.Sample would add a second object.
                long start = clock.monotonicTime();
                return failure -> (failure == null ? success
                        : timer(tags.and("result", "failure", "exception", failure.getClass().getSimpleName())))
                        .record(clock.monotonicTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Timer timer(Tags tags) {
        return Timer.builder("zmq.listener").tags(tags).description("@ZmqListener invocations")
                .register(registry);
    }
}
