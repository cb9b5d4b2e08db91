package io.zmqstream.patterns.ppqueue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.zmqstream.RoutedMessage;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.ZmqStreamRegistry;
import io.zmqstream.patterns.EchoWork;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.scheduling.ZmqScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ZeroMQ Guide's Paranoid Pirate worker on a DEALER stream: it says READY, answers each
 * request behind its client's envelope, sends a heartbeat every interval, and when it has heard
 * nothing from its queue for {@code liveness} intervals it comes back on a new socket as a new
 * peer, which the queue sees READY again.
 */
@Component
@Profile("ppworker")
public class ParanoidPirateWorker {

    private static final Logger log = LoggerFactory.getLogger(ParanoidPirateWorker.class);
    private static final String STREAM = "pp-worker";

    private final ZMQStream queue;
    private final ZmqStreamRegistry streams;
    private final int liveness;
    /** Intervals left before the queue counts as gone; on the loop thread only. */
    private int livenessLeft;

    ParanoidPirateWorker(@Qualifier(STREAM) ZMQStream queue, ZmqStreamRegistry streams,
            @Value("${patterns.heartbeat-liveness:3}") int liveness) {
        this.queue = queue;
        this.streams = streams;
        this.liveness = liveness;
        this.livenessLeft = liveness;
    }

    /** Serves from the application's start. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        queue.send(ParanoidPirate.READY);
    }

    /** A heartbeat, or a request behind its client's envelope: the queue is alive. */
    @ZmqListener(value = STREAM, id = "ppworker.requests")
    void fromQueue(List<byte[]> frames) {
        livenessLeft = liveness;
        if (frames.size() == 1) {
            return; // a heartbeat: a signal with no client behind it
        }
        RoutedMessage request = RoutedMessage.split(frames);
        queue.sendMultipart(request.withBody(List.of(EchoWork.answer(request.body()))).frames());
    }

    /** Every interval: a heartbeat, and a new socket once the queue has been silent too long. */
    @ZmqScheduled(id = "ppworker.heartbeat", fixedRate = "${patterns.heartbeat-interval:1s}")
    void heartbeat() {
        if (--livenessLeft > 0) {
            queue.send(ParanoidPirate.HEARTBEAT);
            return;
        }
        livenessLeft = liveness;
        String identity = "worker-" + UUID.randomUUID();
        log.warn("The queue has been silent for {} heartbeats; reconnecting as {}", liveness, identity);
        streams.rebuild(STREAM, identity.getBytes(StandardCharsets.UTF_8)).thenRun(() -> queue.send(ParanoidPirate.READY));
    }
}
