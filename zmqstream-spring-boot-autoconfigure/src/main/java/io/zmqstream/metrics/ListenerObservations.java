package io.zmqstream.metrics;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.listener.ListenerInvocationObserver;

/**
 * Makes every {@code @ZmqListener} invocation a Micrometer {@link Observation} named
 * {@code zmq.listener}, with the low-cardinality keys {@code stream}, {@code listener.id} and
 * {@code messaging.system=zeromq}. Its scope is open while the method runs, so tracing sees the
 * method's work; the observation stops when the message is handled. Opt in with
 * {@code zmq.listener.observation-enabled=true}.
 */
public class ListenerObservations implements ListenerInvocationObserver {

    private final ObservationRegistry registry;

    /**
     * Creates the observer.
     *
     * @param registry where the observations go
     */
    public ListenerObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Invocations forListener(String listenerId, String streamName) {
        KeyValues keys = KeyValues.of("stream", streamName, "listener.id", listenerId, "messaging.system", "zeromq");
        String contextualName = streamName + " receive";
        return () -> {
            Observation observation = Observation.createNotStarted("zmq.listener", registry)
                    .contextualName(contextualName).lowCardinalityKeyValues(keys).start();
            Observation.Scope scope = observation.openScope();
            return new Invocation() {
                @Override
                public void returned() {
                    scope.close();
                }

                @Override
                public void ended(Throwable failure) {
                    if (failure != null) {
                        observation.error(failure);
                    }
                    observation.stop();
                }
            };
        };
    }
}
