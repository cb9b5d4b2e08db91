package io.zmqstream.patterns.ppqueue;

import java.time.Duration;
import java.util.List;

import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.scheduling.ZmqScheduled;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The ZeroMQ Guide's Paranoid Pirate queue between two ROUTER streams: clients (Lazy Pirate REQs)
 * on the frontend, workers (DEALERs) on the backend. Any message from a worker makes it ready; a
 * reply carries its client's envelope behind the worker's identity. The queue sends each worker a
 * heartbeat every interval and forgets a worker it has not heard from for {@code liveness}
 * intervals, and it reads its clients only while a worker is ready. Everything runs on the loop
 * thread.
 */
@Component
@Profile("ppqueue")
public class ParanoidPirateQueue {

    /** The id of the listener that reads the clients, started while a worker is ready. */
    static final String CLIENTS = "ppqueue.clients";

    private final ZMQStream frontend;
    private final ZMQStream backend;
    private final ZmqListenerEndpointRegistry listeners;
    private final long silenceAllowedNanos;
    private final ReadyWorkers workers = new ReadyWorkers();

    ParanoidPirateQueue(@Qualifier("pp-frontend") ZMQStream frontend, @Qualifier("pp-backend") ZMQStream backend,
            ZmqListenerEndpointRegistry listeners, @Value("${patterns.heartbeat-interval:1s}") Duration interval,
            @Value("${patterns.heartbeat-liveness:3}") int liveness) {
        this.frontend = frontend;
        this.backend = backend;
        this.listeners = listeners;
        this.silenceAllowedNanos = interval.toNanos() * liveness;
    }

    /** READY, a heartbeat, or a reply behind its client's envelope: the worker is alive and ready. */
    @ZmqListener(value = "pp-backend", id = "ppqueue.workers")
    void fromWorker(RoutedMessage message) {
        boolean noneWasReady = workers.isEmpty();
        RoutingEnvelope worker = RoutingEnvelope.of(message.envelope().identity());
        workers.ready(worker, System.nanoTime() + silenceAllowedNanos);
        message.envelope().inner().ifPresent(client -> frontend.sendTo(client, message.body()));
        if (noneWasReady) {
            listeners.start(CLIENTS);
        }
    }

    /** A request, to the worker that has waited longest, behind the client's envelope. */
    @ZmqListener(value = "pp-frontend", id = CLIENTS, autoStartup = "false")
    void fromClient(RoutedMessage request) {
        backend.sendTo(workers.next().followedBy(request.envelope()), request.body());
        if (workers.isEmpty()) {
            listeners.stop(CLIENTS);
        }
    }

    /** Every interval: the quiet workers forgotten, the others sent a heartbeat. */
    @ZmqScheduled(id = "ppqueue.heartbeat", fixedRate = "${patterns.heartbeat-interval:1s}")
    void heartbeat() {
        workers.purge(System.nanoTime());
        if (workers.isEmpty()) {
            listeners.stop(CLIENTS);
        }
        workers.workers().forEach(worker -> backend.sendTo(worker, List.of(ParanoidPirate.HEARTBEAT)));
    }
}
