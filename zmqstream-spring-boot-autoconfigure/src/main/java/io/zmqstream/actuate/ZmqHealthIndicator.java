package io.zmqstream.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code zmq} health: DOWN when the loop thread is not running or is stuck (its lag is past
 * {@code zmq.io-loop.max-lag}), UP otherwise; details show the loop and each stream's state.
 */
public class ZmqHealthIndicator extends AbstractHealthIndicator {

    private final StreamDescriptions descriptions;
    private final Duration maxLag;

    /**
     * Creates the indicator.
     *
     * @param descriptions the loop and the streams
     * @param maxLag the lag beyond which the loop counts as stuck
     */
    public ZmqHealthIndicator(StreamDescriptions descriptions, Duration maxLag) {
        super("ZeroMQ health check failed");
        this.descriptions = descriptions;
        this.maxLag = maxLag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        StreamDescriptions.LoopDescriptor loop = descriptions.loop();
        if (!loop.running()) {
            builder.down().withDetail("reason", "the loop thread '" + loop.thread() + "' is not running");
        }
        else if (loop.lag().compareTo(maxLag) > 0) {
            builder.down().withDetail("reason", "the loop thread '" + loop.thread() + "' is " + loop.lag().toMillis()
                    + " ms late, more than the " + maxLag.toMillis() + " ms of zmq.io-loop.max-lag");
        }
        else {
            builder.up();
        }
        builder.withDetail("loop", loop);
        Map<String, StreamHealth> streams = new LinkedHashMap<>();
        descriptions.streams().forEach((name, stream) -> streams.put(name,
                new StreamHealth(stream.type(), stream.closed(), stream.receiving(), stream.queueDepth())));
        builder.withDetail("streams", streams);
    }

    /**
     * What the health shows of one stream.
     *
     * @param type the socket type
     * @param closed whether it is closed
     * @param receiving whether it has a receive callback
     * @param queueDepth messages in its send queue
     */
    public record StreamHealth(String type, boolean closed, boolean receiving, int queueDepth) {
    }
}
