package io.zmqstream.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.zmqstream.ConnectionEvent;
import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMonitor;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream with heartbeats (every 100 ms, 500 ms timeout) connected to a pyzmq server: the server
 * SIGKILLed is seen as disconnected at once, well within the heartbeat timeout; frozen with
 * SIGSTOP, so that its connection stays open and only heartbeats can tell, it is seen gone once
 * the timeout has run from the first heartbeat it left unanswered. A new server process on the
 * same port is reconnected to, and the request sent while there was none is answered by it.
 */
@PyzmqInterop
@Timeout(60)
class HeartbeatInteropTest {

    private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(100);

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMillis(500);

    /** What a busy two-core machine may add to JeroMQ's timers. */
    private static final Duration SCHEDULING = Duration.ofMillis(400);

    @Test
    void aKilledPyzmqServerIsSeenGoneAndItsSuccessorOnTheSamePortAnswers() {
        serverGoneAndReplaced(PyzmqPeer::kill, Duration.ZERO, HEARTBEAT_TIMEOUT);
    }

    @Test
    void aFrozenPyzmqServerIsSeenGoneByHeartbeatsAndItsSuccessorOnTheSamePortAnswers() {
        serverGoneAndReplaced(PyzmqPeer::freeze, HEARTBEAT_TIMEOUT, HEARTBEAT_INTERVAL.plus(HEARTBEAT_TIMEOUT).plus(SCHEDULING));
    }

    private static void serverGoneAndReplaced(Consumer<PyzmqPeer> ending, Duration seenAfter, Duration seenWithin) {
        try (PyzmqPeer first = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*")) {
            String endpoint = first.endpoint();
            InteropApplication.of("heartbeat.yml", "heartbeat-client", "interop.peer=" + endpoint).run(context -> {
                ZMQStream api = context.getBean("api", ZMQStream.class);
                BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
                List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
                api.onRecv(frames -> echoes.add(text(frames.get(0))));
                api.onConnectionEvent((stream, event) -> events.add(event));
                api.sendString("before");
                assertThat(echoes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("before");

                Instant ended = Instant.now();
                ending.accept(first);

                await().atMost(TIMEOUT).until(() -> api.getConnections().handshakenPeers() == 0);
                ConnectionEvent disconnected = events.stream()
                        .filter(event -> event.type() == ZMonitor.Event.DISCONNECTED).findFirst().orElseThrow();
                assertThat(Duration.between(ended, disconnected.time())).isBetween(seenAfter, seenWithin);
                api.sendString("while away");

                first.kill();
                try (PyzmqPeer second = PyzmqPeer.start("echo_router.py", "--bind", endpoint)) {
                    assertThat(second.endpoint()).isEqualTo(endpoint);
                    assertThat(echoes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("while away");
                    api.sendString("after");
                    assertThat(echoes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("after");
                    assertThat(api.getConnections().handshakenPeers()).isEqualTo(1);
                }
            });
        }
    }
}
