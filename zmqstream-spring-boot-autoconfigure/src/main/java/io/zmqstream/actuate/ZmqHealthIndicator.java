package io.zmqstream.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.StreamConnections;
import io.zmqstream.JeroMqFailures;
import io.zmqstream.ZMQStream;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code zmq} health: DOWN when the loop thread is not running or is stuck (its lag is past
 * {@code zmq.io-loop.max-lag}), or when a stream that opted in with
 * {@code zmq.streams.<name>.max-time-without-peer} connects but has had no handshaken peer for
 * longer than that (a stream with an inproc endpoint, whose peers ZeroMQ does not report, never
 * has), or when a JeroMQ thread of the shared context failed while the application
 * ran (see {@link JeroMqFailures}); UP otherwise. ZeroMQ peers come and go, so an absent peer is not unhealthy
 * unless asked. Details show the loop and each stream's state and connections.
 */
public class ZmqHealthIndicator extends AbstractHealthIndicator {

    private final StreamDescriptions descriptions;
    private final Duration maxLag;
    private final Map<String, Duration> maxTimeWithoutPeer;
    private final JeroMqFailures jeroMqFailures;

    /**
     * Creates the indicator.
     *
     * @param descriptions the loop and the streams
     * @param maxLag the lag beyond which the loop counts as stuck
     * @param maxTimeWithoutPeer by stream name, how long a connecting stream may go without a
     *        handshaken peer; streams not named here may go without for ever
     * @param jeroMqFailures the exceptions of the context's JeroMQ threads, or {@code null} when
     *        they are not watched
     */
    public ZmqHealthIndicator(StreamDescriptions descriptions, Duration maxLag, Map<String, Duration> maxTimeWithoutPeer,
            JeroMqFailures jeroMqFailures) {
        super("ZeroMQ health check failed");
        this.descriptions = descriptions;
        this.maxLag = maxLag;
        this.maxTimeWithoutPeer = Map.copyOf(maxTimeWithoutPeer);
        this.jeroMqFailures = jeroMqFailures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StreamDescriptions.LoopDescriptor loop = descriptions.loop();
        List<String> problems = new ArrayList<>();
        if (!loop.running()) {
            problems.add("the loop thread '" + loop.thread() + "' is not running");
        }
        else if (loop.lag().compareTo(maxLag) > 0) {
            problems.add("the loop thread '" + loop.thread() + "' is " + loop.lag().toMillis() + " ms late, more than the "
                    + maxLag.toMillis() + " ms of zmq.io-loop.max-lag");
        }
        maxTimeWithoutPeer.forEach((name, limit) -> peerMissing(name, limit, problems));
        JeroMqFailures.Failure failure = jeroMqFailures == null ? null : jeroMqFailures.getLastFailure();
        if (failure != null) {
            problems.add(failure.describe() + " (" + jeroMqFailures.getCount() + " JeroMQ thread failures in all; "
                    + "see the log)");
        }
        if (problems.isEmpty()) {
            builder.up();
        }
        else {
            builder.down().withDetail("reason", String.join("; ", problems));
        }
        builder.withDetail("loop", loop);
        Map<String, StreamHealth> streams = new LinkedHashMap<>();
        descriptions.streams().forEach((name, stream) -> streams.put(name, new StreamHealth(stream.type(),
                stream.closed(), stream.receiving(), stream.queueDepth(), stream.connections())));
        builder.withDetail("streams", streams);
    }

    private void peerMissing(String name, Duration limit, List<String> problems) {
        ZMQStream stream = descriptions.find(name);
        if (stream == null || stream.isClosed() || stream.getConnectedEndpoints().isEmpty()) {
            return;
        }
        StreamConnections connections = stream.getConnections();
        if (connections.monitored() && connections.withoutHandshakenPeer().compareTo(limit) > 0) {
            problems.add("stream '" + name + "' has had no handshaken peer for "
                    + connections.withoutHandshakenPeer().toSeconds() + " s, more than the " + limit.toMillis()
                    + " ms of zmq.streams." + name + ".max-time-without-peer");
        }
    }

    /**
     * What the health shows of one stream.
     *
     * @param type the socket type
     * @param closed whether it is closed
     * @param receiving whether it has a receive callback
     * @param queueDepth messages in its send queue
     * @param connections its connections per endpoint, when it watches them
     */
    public record StreamHealth(String type, boolean closed, boolean receiving, int queueDepth,
            StreamConnections connections) {
    }
}
