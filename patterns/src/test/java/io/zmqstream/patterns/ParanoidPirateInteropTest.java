package io.zmqstream.patterns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.zmqstream.ZMQStream;
import io.zmqstream.interop.PyzmqInterop;
import io.zmqstream.interop.PyzmqPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Paranoid Pirate queue and worker against the Guide's protocol spoken by pyzmq: Lazy Pirate
 * clients and Paranoid Pirate workers, a worker killed and another started mid-run; and our worker
 * behind a queue that is restarted, coming back as a new peer.
 */
@PyzmqInterop
@Timeout(180)
class ParanoidPirateInteropTest {

    private static final String[] FAST_HEARTBEATS = { "patterns.heartbeat-interval=200ms", "patterns.heartbeat-liveness=3" };

    /** What the test started, the latest first. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @AfterEach
    void stopAll() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    private ConfigurableApplicationContext queue(String frontendPort, String backendPort) {
        ConfigurableApplicationContext queue = PatternApplications.start("ppqueue", "patterns.ports.pp-frontend=" + frontendPort,
                "patterns.ports.pp-backend=" + backendPort, FAST_HEARTBEATS[0], FAST_HEARTBEATS[1]);
        running.push(queue);
        return queue;
    }

    private PyzmqPeer pyzmqWorker(String backend) {
        PyzmqPeer worker = PyzmqPeer.start("ppworker.py", "--connect", backend, "--heartbeat", "200", "--deadline", "150");
        running.push(worker);
        worker.endpoint();
        return worker;
    }

    @Test
    void tenThousandRequestsThroughTheQueueAreAllAnsweredOnceThoughAWorkerIsKilledAndAnotherStarted() {
        ConfigurableApplicationContext queue = queue("*", "*");
        String backend = PatternApplications.endpoint(queue, "pp-backend");
        PyzmqPeer first = pyzmqWorker(backend);
        pyzmqWorker(backend);

        try (RetryingClients clients = RetryingClients.lazyPirate(PatternApplications.endpoint(queue, "pp-frontend"), 10, 1_000)) {
            clients.assertEveryRequestAnsweredOnceThough(first, () -> pyzmqWorker(backend));
        }
    }

    @Test
    void ourWorkerComesBackAsANewPeerWhenItsQueueIsRestarted() {
        ConfigurableApplicationContext queue = queue("*", "*");
        String frontend = PatternApplications.endpoint(queue, "pp-frontend");
        String backend = PatternApplications.endpoint(queue, "pp-backend");
        ConfigurableApplicationContext worker = PatternApplications.start("ppworker",
                "zmq.streams.pp-worker.connect=" + backend, FAST_HEARTBEATS[0], FAST_HEARTBEATS[1]);
        running.push(worker);
        try (RetryingClients clients = RetryingClients.lazyPirate(frontend, 2, 100)) {
            clients.assertEveryRequestAnsweredOnce();
        }

        queue.close();
        running.remove(queue);
        // Three heartbeats of silence, and the worker is back on a new socket, as a new peer.
        ZMQStream workerStream = worker.getBean("pp-worker", ZMQStream.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> identityOf(workerStream).startsWith("worker-"));
        ConfigurableApplicationContext restarted = queue(port(frontend), port(backend));
        try (RetryingClients clients = RetryingClients.lazyPirate(frontend, 2, 100)) {
            clients.assertEveryRequestAnsweredOnce();
        }
        assertThat(restarted.isActive()).isTrue();
    }

    private static String identityOf(ZMQStream stream) {
        byte[] identity = stream.getSocket().getIdentity();
        return identity == null ? "" : new String(identity, StandardCharsets.UTF_8);
    }

    private static String port(String endpoint) {
        return endpoint.substring(endpoint.lastIndexOf(':') + 1);
    }
}
