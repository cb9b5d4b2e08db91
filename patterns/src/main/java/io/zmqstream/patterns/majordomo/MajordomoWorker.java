package io.zmqstream.patterns.majordomo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.zmqstream.RoutedMessage;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.ZmqStreamRegistry;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.patterns.BrokerLiveness;
import io.zmqstream.patterns.EchoWork;
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
 * The ZeroMQ Guide's Majordomo worker on a DEALER stream: it registers for its service with READY,
 * answers each REQUEST with a REPLY behind the client's envelope, heartbeats its broker, and when
 * the broker says DISCONNECT or has been silent for {@code liveness} intervals, it comes back on a
 * new socket as a new peer and registers again.
 */
@Component
@Profile("mdworker")
public class MajordomoWorker {

    private static final Logger log = LoggerFactory.getLogger(MajordomoWorker.class);
    private static final String STREAM = "md-worker";

    private final ZMQStream broker;
    private final byte[] service;
    private final BrokerLiveness brokerLiveness;

    MajordomoWorker(@Qualifier(STREAM) ZMQStream broker, ZmqStreamRegistry streams,
            @Value("${patterns.majordomo.service:echo}") String service,
            @Value("${patterns.heartbeat-liveness:3}") int liveness) {
        this.broker = broker;
        this.service = service.getBytes(StandardCharsets.UTF_8);
        this.brokerLiveness = new BrokerLiveness(streams, STREAM, liveness, this::register);
    }

    /** Registers for the service from the application's start. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        send(Mdp.Command.READY, List.of(service));
    }

    /** A request, a heartbeat or a disconnection: the broker is alive. */
    @ZmqListener(value = STREAM, id = "mdworker.requests")
    void fromBroker(List<byte[]> frames) {
        brokerLiveness.heard();
        FrameReader message = new FrameReader(frames);
        if (!message.popEquals(Mdp.EMPTY) || !message.popEquals(Mdp.WORKER)) {
            log.warn("The broker sent a message that is no MDP 0.1 worker message: ignored");
            return;
        }
        Mdp.Command command = Mdp.Command.of(message.pop());
        if (command == Mdp.Command.REQUEST) {
            RoutedMessage request = RoutedMessage.split(message.rest());
            send(Mdp.Command.REPLY, request.withBody(List.of(EchoWork.answer(request.body()))).frames());
        }
        else if (command == Mdp.Command.DISCONNECT) {
            brokerLiveness.reconnect("the broker said DISCONNECT");
        }
    }

    /** Every interval: a heartbeat, and a new socket once the broker has been silent too long. */
    @ZmqScheduled(id = "mdworker.heartbeat", fixedRate = "${patterns.heartbeat-interval:1s}")
    void heartbeat() {
        if (brokerLiveness.beat()) {
            send(Mdp.Command.HEARTBEAT, List.of());
        }
    }

    /** A command to the broker: the empty frame, the worker header, the command, then its frames. */
    private void send(Mdp.Command command, List<byte[]> frames) {
        List<byte[]> message = new ArrayList<>(frames.size() + 3);
        message.add(Mdp.EMPTY);
        message.add(Mdp.WORKER);
        message.add(command.frame());
        message.addAll(frames);
        broker.sendMultipart(message);
    }
}
