package io.zmqstream.patterns;

import java.util.ArrayDeque;
import java.util.Deque;

import io.zmqstream.interop.PyzmqInterop;
import io.zmqstream.interop.PyzmqPeer;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.patterns.lbbroker.LoadBalancingBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-balancing broker against the Guide's protocol spoken by pyzmq: REQ workers that say
 * READY, Lazy Pirate clients, a worker killed and another started mid-run.
 */
@PyzmqInterop
@Timeout(180)
class LoadBalancingBrokerInteropTest {

    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    @AfterEach
    void stopAll() throws Exception {
        while (!running.isEmpty()) {
            running.pop().close();
        }
    }

    private PyzmqPeer worker(String backend) {
        PyzmqPeer worker = PyzmqPeer.start("lbworker.py", "--connect", backend, "--deadline", "150");
        running.push(worker);
        worker.endpoint();
        return worker;
    }

    @Test
    void tenThousandRequestsAreAllAnsweredOnceThoughAWorkerIsKilledAndAnotherStarted() {
        ConfigurableApplicationContext broker = PatternApplications.start("lbbroker", "patterns.ports.lb-frontend=*",
                "patterns.ports.lb-backend=*");
        running.push(broker);
        ZmqListenerEndpointRegistry listeners = broker.getBean(ZmqListenerEndpointRegistry.class);
        assertThat(listeners.getListener(LoadBalancingBroker.CLIENTS).isRunning())
                .as("no worker yet: the clients wait in ZeroMQ's queue").isFalse();

        String backend = PatternApplications.endpoint(broker, "lb-backend");
        PyzmqPeer first = worker(backend);
        worker(backend);
        worker(backend);
        try (RetryingClients clients = RetryingClients.lazyPirate(PatternApplications.endpoint(broker, "lb-frontend"), 10, 1_000)) {
            clients.assertEveryRequestAnsweredOnceThough(first, () -> worker(backend));
        }
    }
}
