package io.zmqstream.patterns.majordomo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.scheduling.ZmqScheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The ZeroMQ Guide's Majordomo broker on one ROUTER stream, for clients and workers alike: a
 * client's request waits in its service's queue until one of the service's workers is idle; a
 * worker's reply goes back to its client; idle workers get a heartbeat every interval and are
 * forgotten after {@code liveness} silent ones; a worker that breaks the protocol is told to
 * DISCONNECT. Everything runs on the loop thread.
 */
@Component
@Profile("mdbroker")
public class MajordomoBroker {

    private static final Logger log = LoggerFactory.getLogger(MajordomoBroker.class);

    private final ZMQStream socket;
    private final long silenceAllowedNanos;
    private final Map<String, Service> services = new HashMap<>();
    private final Map<RoutingEnvelope, Worker> workers = new HashMap<>();
    /** The idle workers of every service, longest idle first: the ones that get heartbeats. */
    private final Map<RoutingEnvelope, Worker> idle = new LinkedHashMap<>();

    MajordomoBroker(@Qualifier("md-broker") ZMQStream socket, @Value("${patterns.heartbeat-interval:1s}") Duration interval,
            @Value("${patterns.heartbeat-liveness:3}") int liveness) {
        this.socket = socket;
        this.silenceAllowedNanos = interval.toNanos() * liveness;
    }

    /** A client's request or a worker's command, told apart by the protocol header. */
    @ZmqListener(value = "md-broker", id = "mdbroker")
    void onMessage(RoutedMessage message) {
        FrameReader body = new FrameReader(message.body());
        byte[] header = body.pop();
        if (Arrays.equals(header, Mdp.CLIENT)) {
            fromClient(message.envelope(), body);
        }
        else if (Arrays.equals(header, Mdp.WORKER)) {
            fromWorker(message.envelope(), body);
        }
        else {
            log.debug("A message that is no MDP 0.1 from {}: dropped", message.envelope());
        }
    }

    private void fromClient(RoutingEnvelope client, FrameReader request) {
        Service service = service(request.popString());
        service.requests.add(new RoutedMessage(client, request.rest()));
        dispatch(service);
    }

    private void fromWorker(RoutingEnvelope address, FrameReader message) {
        Mdp.Command command = Mdp.Command.of(message.pop());
        Worker worker = workers.get(address);
        if (command == Mdp.Command.READY && worker == null) {
            worker = new Worker(address, service(message.popString()));
            workers.put(address, worker);
            waiting(worker);
        }
        else if (command == Mdp.Command.REPLY && worker != null) {
            RoutedMessage reply = RoutedMessage.split(message.rest());
            List<byte[]> toClient = new ArrayList<>();
            toClient.add(Mdp.CLIENT);
            toClient.add(worker.service.nameFrame);
            toClient.addAll(reply.body());
            socket.sendTo(reply.envelope(), toClient);
            waiting(worker);
        }
        else if (command == Mdp.Command.HEARTBEAT && worker != null) {
            worker.expiresAtNanos = System.nanoTime() + silenceAllowedNanos;
        }
        else if (command == Mdp.Command.DISCONNECT) {
            forget(address);
        }
        else {
            // A READY twice, or a worker the broker does not know (it restarted, or forgot it).
            socket.sendTo(address, List.of(Mdp.WORKER, Mdp.Command.DISCONNECT.frame()));
            forget(address);
        }
    }

    /** The worker is idle: its service's next request, if one waits, is its. */
    private void waiting(Worker worker) {
        worker.expiresAtNanos = System.nanoTime() + silenceAllowedNanos;
        idle.put(worker.address, worker);
        worker.service.idle.add(worker);
        dispatch(worker.service);
    }

    private void dispatch(Service service) {
        while (!service.idle.isEmpty() && !service.requests.isEmpty()) {
            Worker worker = service.idle.poll();
            idle.remove(worker.address);
            RoutedMessage request = service.requests.poll();
            List<byte[]> toWorker = new ArrayList<>();
            toWorker.add(Mdp.WORKER);
            toWorker.add(Mdp.Command.REQUEST.frame());
            toWorker.addAll(request.frames());
            socket.sendTo(worker.address, toWorker);
        }
    }

    private void forget(RoutingEnvelope address) {
        Worker worker = workers.remove(address);
        if (worker != null) {
            idle.remove(address);
            worker.service.idle.remove(worker);
        }
    }

    private Service service(String name) {
        return services.computeIfAbsent(name, Service::new);
    }

    /** Every interval: idle workers that went quiet forgotten, the others sent a heartbeat. */
    @ZmqScheduled(id = "mdbroker.heartbeat", fixedRate = "${patterns.heartbeat-interval:1s}")
    void heartbeat() {
        long now = System.nanoTime();
        for (Worker worker : List.copyOf(idle.values())) {
            if (worker.expiresAtNanos - now < 0) {
                log.info("Majordomo worker {} of '{}' went quiet: forgotten", worker.address, worker.service.name);
                forget(worker.address);
            }
            else {
                socket.sendTo(worker.address, List.of(Mdp.WORKER, Mdp.Command.HEARTBEAT.frame()));
            }
        }
    }

    /** A service: its requests waiting for a worker, and its workers waiting for a request. */
    private static final class Service {

        final String name;
        final byte[] nameFrame;
        final Deque<RoutedMessage> requests = new ArrayDeque<>();
        final Deque<Worker> idle = new ArrayDeque<>();

        Service(String name) {
            this.name = name;
            this.nameFrame = name.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A worker of one service, known by its envelope. */
    private static final class Worker {

        final RoutingEnvelope address;
        final Service service;
        long expiresAtNanos;

        Worker(RoutingEnvelope address, Service service) {
            this.address = address;
            this.service = service;
        }
    }
}
