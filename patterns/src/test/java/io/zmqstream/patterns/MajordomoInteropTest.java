package io.zmqstream.patterns;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.zmqstream.ZMQStream;
import io.zmqstream.interop.PyzmqInterop;
import io.zmqstream.interop.PyzmqPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The Majordomo broker and worker against Majordomo Protocol 0.1 spoken by pyzmq: clients and
 * workers of the Guide's APIs through our broker, a worker killed and another started mid-run; and
 * our workers behind a pyzmq broker that is restarted, registering again and serving.
 */
@PyzmqInterop
@Timeout(180)
class MajordomoInteropTest {

    private static final String INTERVAL = "patterns.heartbeat-interval=200ms";

    /** What the test started, the latest first. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @AfterEach
    void stopAll() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    private PyzmqPeer started(String script, String... arguments) {
        PyzmqPeer peer = PyzmqPeer.start(script, arguments);
        running.push(peer);
        peer.endpoint();
        return peer;
    }

    private PyzmqPeer pyzmqWorker(String broker) {
        return started("mdworker.py", "--connect", broker, "--heartbeat", "200", "--deadline", "150");
    }

    @Test
    void tenThousandRequestsThroughOurBrokerAreAllAnsweredOnceThoughAWorkerIsKilledAndAnotherStarted() {
        ConfigurableApplicationContext broker = PatternApplications.start("mdbroker", "patterns.ports.md-broker=*", INTERVAL);
        running.push(broker);
        String endpoint = PatternApplications.endpoint(broker, "md-broker");
        PyzmqPeer first = pyzmqWorker(endpoint);
        pyzmqWorker(endpoint);

        try (RetryingClients clients = RetryingClients.majordomo(endpoint, 10, 1_000)) {
            clients.assertEveryRequestAnsweredOnceThough(first, () -> pyzmqWorker(endpoint));
        }
    }

    @Test
    void ourWorkersBehindAPyzmqBrokerRegisterAgainWhenItIsRestartedAndServe() {
        PyzmqPeer broker = PyzmqPeer.start("mdbroker.py", "--bind", "tcp://127.0.0.1:*", "--heartbeat", "200", "--deadline", "150");
        running.push(broker);
        String endpoint = broker.endpoint();
        List<ConfigurableApplicationContext> workers = List.of(ourWorker(endpoint), ourWorker(endpoint));
        try (RetryingClients clients = RetryingClients.majordomo(endpoint, 2, 200)) {
            clients.assertEveryRequestAnsweredOnce();
        }

        broker.kill();
        running.remove(broker);
        running.push(PyzmqPeer.start("mdbroker.py", "--bind", endpoint, "--heartbeat", "200", "--deadline", "150"));
        // The new broker knows no worker: each is told to DISCONNECT, or hears nothing, and registers again as a new peer.
        for (ConfigurableApplicationContext worker : workers) {
            ZMQStream stream = worker.getBean("md-worker", ZMQStream.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> identityOf(stream).startsWith("worker-"));
        }
        try (RetryingClients clients = RetryingClients.majordomo(endpoint, 2, 200)) {
            clients.assertEveryRequestAnsweredOnce();
        }
    }

    private ConfigurableApplicationContext ourWorker(String broker) {
        ConfigurableApplicationContext worker = PatternApplications.start("mdworker", "zmq.streams.md-worker.connect=" + broker,
                INTERVAL);
        running.push(worker);
        return worker;
    }

    private static String identityOf(ZMQStream stream) {
        byte[] identity = stream.getSocket().getIdentity();
        return identity == null ? "" : new String(identity, StandardCharsets.UTF_8);
    }
}
