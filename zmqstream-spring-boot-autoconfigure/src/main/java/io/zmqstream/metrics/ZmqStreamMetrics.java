package io.zmqstream.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.zmqstream.SendFailure;
import io.zmqstream.StreamStatistics;
import io.zmqstream.ZMQStream;
import org.zeromq.ZMonitor;

/**
 * Publishes a stream's own counters as Micrometer meters, read when the registry asks: the stream
 * makes no Micrometer call per message. Tags: {@code stream}, {@code socket.type},
 * {@code messaging.system=zeromq}.
 */
public final class ZmqStreamMetrics {

    /** The monitor events counted as {@code zmq.connection.events}: all JeroMQ 0.6.0 reports. */
    private static final List<ZMonitor.Event> CONNECTION_EVENTS = List.of(ZMonitor.Event.CONNECTED,
            ZMonitor.Event.CONNECT_DELAYED, ZMonitor.Event.CONNECT_RETRIED, ZMonitor.Event.LISTENING,
            ZMonitor.Event.BIND_FAILED, ZMonitor.Event.ACCEPTED, ZMonitor.Event.ACCEPT_FAILED, ZMonitor.Event.CLOSED,
            ZMonitor.Event.CLOSE_FAILED, ZMonitor.Event.DISCONNECTED, ZMonitor.Event.HANDSHAKE_PROTOCOL,
            ZMonitor.Event.HANDSHAKE_FAILED_NO_DETAIL, ZMonitor.Event.HANDSHAKE_FAILED_PROTOCOL,
            ZMonitor.Event.HANDSHAKE_FAILED_AUTH);

    private ZmqStreamMetrics() {
    }

    /**
     * Registers the meters of one stream: {@code zmq.messages.sent|received},
     * {@code zmq.sent|received} (bytes), {@code zmq.send.failures} (tag {@code reason}), the
     * {@code zmq.send.queue.size} gauge and, read from the stream's connection monitor,
     * {@code zmq.connections} (handshaken peers), {@code zmq.connection.events} (tag {@code event},
     * such as {@code connected}, {@code handshake-protocol}, {@code disconnected}) and
     * {@code zmq.connection.handshakes.healed}; and {@code zmq.peers.refused} (tag {@code reason}:
     * {@code oversize} for a connection dropped for a message over the size bound,
     * {@code invalid-length} for a frame dropped for a length that cannot be valid).
     *
     * @param stream the stream, named (its name is the {@code stream} tag)
     * @param registry the registry
     * @return the meters, for removing them from the registry when the stream closes
     */
    public static List<Meter> bind(ZMQStream stream, MeterRegistry registry) {
        StreamStatistics statistics = stream.getStatistics();
        Tags tags = Tags.of("stream", String.valueOf(stream.getName()), "socket.type", stream.getSocketType().name(),
                "messaging.system", "zeromq");
        List<Meter> meters = new ArrayList<>();
        meters.add(counter(registry, "zmq.messages.sent", null, "Messages the socket took", tags, statistics,
                StreamStatistics::getMessagesSent));
        meters.add(counter(registry, "zmq.messages.received", null, "Messages received from the socket", tags,
                statistics, StreamStatistics::getMessagesReceived));
        meters.add(counter(registry, "zmq.sent", BaseUnits.BYTES, "Bytes of the messages the socket took", tags,
                statistics, StreamStatistics::getBytesSent));
        meters.add(counter(registry, "zmq.received", BaseUnits.BYTES, "Bytes of the messages received", tags, statistics,
                StreamStatistics::getBytesReceived));
        for (SendFailure.Reason reason : SendFailure.Reason.values()) {
            meters.add(counter(registry, "zmq.send.failures", null, "Messages that were not sent",
                    tags.and("reason", reason.label()), statistics, s -> s.getSendFailures(reason)));
        }
        meters.add(Gauge.builder("zmq.send.queue.size", statistics, StreamStatistics::getQueueDepth).tags(tags)
                .description("Messages waiting in the stream's send queue").register(registry));
        meters.add(Gauge.builder("zmq.connections", statistics, StreamStatistics::getHandshakenPeers).tags(tags)
                .description("Peers connected with their handshake done")
                .register(registry));
        for (ZMonitor.Event event : CONNECTION_EVENTS) {
            meters.add(counter(registry, "zmq.connection.events", null, "Events of the stream's socket monitor",
                    tags.and("event", event.name().toLowerCase(Locale.ROOT).replace('_', '-')), statistics,
                    s -> s.getConnectionEvents(event)));
        }
        meters.add(counter(registry, "zmq.connection.handshakes.healed", null,
                "Connections JeroMQ left stalled in their handshake that the stream healed", tags, statistics,
                StreamStatistics::getHandshakesHealed));
        meters.add(counter(registry, "zmq.peers.refused", null, "What peers sent that the stream refused",
                tags.and("reason", "oversize"), statistics, StreamStatistics::getOversizePeers));
        meters.add(counter(registry, "zmq.peers.refused", null, "What peers sent that the stream refused",
                tags.and("reason", "invalid-length"), statistics, StreamStatistics::getInvalidFrames));
        return meters;
    }

    /**
     * A function counter; {@code unit} is set only where the name does not say what is counted
     * (bytes), so that Prometheus names do not repeat it ({@code zmq_messages_received_total},
     * {@code zmq_received_bytes_total}).
     */
    private static Meter counter(MeterRegistry registry, String name, String unit, String description, Tags tags,
            StreamStatistics statistics, ToDoubleFunction<StreamStatistics> count) {
        return FunctionCounter.builder(name, statistics, count).tags(tags).baseUnit(unit).description(description)
                .register(registry);
    }
}
