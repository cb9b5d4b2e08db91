package io.zmqstream.patterns.ppqueue;

import java.util.List;

import io.zmqstream.RoutedMessage;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.ZmqStreamRegistry;
import io.zmqstream.patterns.BrokerLiveness;
import io.zmqstream.patterns.EchoWork;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.scheduling.ZmqScheduled;
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

    private static final String STREAM = "pp-worker";

    private final ZMQStream queue;
    private final BrokerLiveness queueLiveness;

    ParanoidPirateWorker(@Qualifier(STREAM) ZMQStream queue, ZmqStreamRegistry streams,
            @Value("${patterns.heartbeat-liveness:3}") int liveness) {
        this.queue = queue;
        this.queueLiveness = new BrokerLiveness(streams, STREAM, liveness, this::ready);
    }

    /** Serves from the application's start. */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        queue.send(ParanoidPirate.READY);
    }

    /** A heartbeat, or a request behind its client's envelope: the queue is alive. */
    @ZmqListener(value = STREAM, id = "ppworker.requests")
    void fromQueue(List<byte[]> frames) {
        queueLiveness.heard();
        if (frames.size() == 1) {
            return; // a heartbeat: a signal with no client behind it
        }
        RoutedMessage request = RoutedMessage.split(frames);
        queue.sendMultipart(request.withBody(List.of(EchoWork.answer(request.body()))).frames());
    }

    /** Every interval: a heartbeat, and a new socket once the queue has been silent too long. */
    @ZmqScheduled(id = "ppworker.heartbeat", fixedRate = "${patterns.heartbeat-interval:1s}")
    void heartbeat() {
        if (queueLiveness.beat()) {
            queue.send(ParanoidPirate.HEARTBEAT);
        }
    }
}
