package io.zmqstream.patterns.lbbroker;

import java.util.ArrayDeque;
import java.util.Deque;

import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The ZeroMQ Guide's load-balancing broker between two ROUTER streams: a worker (a REQ) says it is
 * ready with its first message and with every reply, and each client request goes to the worker
 * that has waited longest. The clients' stream is read only while a worker is ready, so requests
 * wait in ZeroMQ's queue, not here. Both listeners run on the loop thread: the queue of ready
 * workers needs no lock.
 */
@Component
@Profile("lbbroker")
public class LoadBalancingBroker {

    /** The id of the listener that reads the clients, started while a worker is ready. */
    public static final String CLIENTS = "lbbroker.clients";

    private final ZMQStream frontend;
    private final ZMQStream backend;
    private final ZmqListenerEndpointRegistry listeners;
    private final Deque<RoutingEnvelope> readyWorkers = new ArrayDeque<>();

    LoadBalancingBroker(@Qualifier("lb-frontend") ZMQStream frontend, @Qualifier("lb-backend") ZMQStream backend,
            ZmqListenerEndpointRegistry listeners) {
        this.frontend = frontend;
        this.backend = backend;
        this.listeners = listeners;
    }

    /** READY, or a client's envelope and the reply: either way the worker is ready again. */
    @ZmqListener(value = "lb-backend", id = "lbbroker.workers")
    void fromWorker(RoutedMessage message) {
        boolean noneWasReady = readyWorkers.isEmpty();
        readyWorkers.add(message.envelope());
        message.inner().ifPresent(reply -> frontend.sendTo(reply.envelope(), reply.body()));
        if (noneWasReady) {
            listeners.start(CLIENTS);
        }
    }

    /** A request, to the worker that has waited longest, behind the client's envelope. */
    @ZmqListener(value = "lb-frontend", id = CLIENTS, autoStartup = "false")
    void fromClient(RoutedMessage request) {
        backend.sendTo(readyWorkers.poll().followedBy(request.envelope()), request.body());
        if (readyWorkers.isEmpty()) {
            listeners.stop(CLIENTS);
        }
    }
}
