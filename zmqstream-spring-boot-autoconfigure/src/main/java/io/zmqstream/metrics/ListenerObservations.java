package io.zmqstream.metrics;

import java.util.Map;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.zmqstream.listener.ListenerInvocationObserver;

/**
 * Makes every {@code @ZmqListener} invocation a Micrometer {@link Observation} named
 * {@code zmq.listener}, of the consumer kind, with the low-cardinality keys {@code stream},
 * {@code listener.id} and {@code messaging.system=zeromq}. It continues the trace the message came
 * with on a traced stream (its trace context frame is the carrier a tracer's propagator reads). Its
 * scope is open while the method runs and while its reply is sent, so tracing sees the method's work
 * and the reply carries the invocation's context; the observation stops when the message is
 * handled; each attempt of a retried message is one observation. Opt in with
 * {@code zmq.listener.observation-enabled=true}.
 */
public class ListenerObservations implements ListenerInvocationObserver {

    private final ObservationRegistry registry;
    private final MeterRegistry meters;

    /**
     * Creates the observer.
     *
     * @param registry where the observations go
     */
    public ListenerObservations(ObservationRegistry registry) {
        this(registry, null);
    }

    /**
     * Creates the observer, counting retries and dead letters too.
     *
     * @param registry where the observations go
     * @param meters where the counters of retries and dead letters go, or {@code null} for none
     */
    public ListenerObservations(ObservationRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    @Override
    public Invocations forListener(String listenerId, String streamName) {
        KeyValues keys = KeyValues.of("stream", streamName, "listener.id", listenerId, "messaging.system", "zeromq");
        String contextualName = streamName + " receive";
        ListenerOutcomeCounters outcomes = meters == null ? ListenerOutcomeCounters.NONE
                : new ListenerOutcomeCounters(meters, Tags.of("stream", streamName, "listener.id", listenerId));
        return new ListenerOutcomeCounters.CountedInvocations(outcomes) {
            @Override
            public Invocation start() {
                return start(Map.of());
            }

            @Override
            public Invocation start(Map<String, String> traceContext) {
                ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.CONSUMER);
                context.setCarrier(traceContext);
                context.setRemoteServiceName("zeromq");
                Observation observation = Observation.createNotStarted("zmq.listener", () -> context, registry)
                        .contextualName(contextualName).lowCardinalityKeyValues(keys).start();
                return new ObservedInvocation(observation, observation.openScope());
            }
        };
    }

    /** One invocation's observation, and the scope open while its method runs. */
    private record ObservedInvocation(Observation observation, Observation.Scope scope) implements Invocation {

        @Override
        public void returned() {
            scope.close();
        }

        @Override
        public void inScope(Runnable action) {
            observation.scoped(action);
        }

        @Override
        public void ended(Throwable failure) {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
