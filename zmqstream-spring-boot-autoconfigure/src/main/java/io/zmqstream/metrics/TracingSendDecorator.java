package io.zmqstream.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.zmqstream.SendDecorator;
import io.zmqstream.TraceContextFrame;
import io.zmqstream.ZMQStream;

/**
 * The send side of a traced stream: each message sent is a Micrometer Observation {@code zmq.send}
 * of the producer kind, a child of what is current on the sending thread, whose context a tracer's
 * propagator writes into the message's {@link TraceContextFrame}. With no tracer, nothing is written
 * and the message goes as it is.
 */
public class TracingSendDecorator implements SendDecorator {

    /** The name of each send's Observation. */
    public static final String OBSERVATION = "zmq.send";

    private final ObservationRegistry registry;

    /**
     * Creates the decorator.
     *
     * @param registry where the observations go, and whose tracing handlers write the context
     */
    public TracingSendDecorator(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public byte[] trailingFrame(ZMQStream stream) {
        SenderContext<Map<String, String>> context = new SenderContext<>(Map::put, Kind.PRODUCER);
        context.setCarrier(new LinkedHashMap<>());
        context.setRemoteServiceName("zeromq");
        Observation.createNotStarted(OBSERVATION, () -> context, registry)
                .contextualName(stream.getName() + " send")
                .lowCardinalityKeyValues(KeyValues.of("stream", String.valueOf(stream.getName()), "socket.type",
                        stream.getSocketType().name(), "messaging.system", "zeromq"))
                .start().stop();
        Map<String, String> fields = context.getCarrier();
        return fields.isEmpty() ? null : TraceContextFrame.encode(fields);
    }
}
