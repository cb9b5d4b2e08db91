package io.zmqstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ZMQStream} made in code, as the README's core example makes one, heals JeroMQ's stalled
 * handshakes without being asked: 300 fresh connections, each from a stream on a context and loop
 * of its own, to a raw ROUTER in another context, and not one message takes over a second.
 */
@Timeout(300)
class PlainStreamHealingTest {

    private static final int CONNECTIONS = 300;
    private static final Duration LATE = Duration.ofSeconds(1);
    /** A stall left unhealed lasts JeroMQ's 30 s handshake interval; this long tells one from a slow delivery. */
    private static final Duration GIVE_UP = Duration.ofSeconds(5);

    @Test
    void freshConnectionsFromPlainStreamsAreNeverLate() throws Exception {
        int late = 0;
        long slowestNanos = 0;
        try (ZContext server = new ZContext()) {
            ZMQ.Socket router = server.createSocket(SocketType.ROUTER);
            router.setReceiveTimeOut((int) GIVE_UP.toMillis());
            String endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
            for (int i = 0; i < CONNECTIONS; i++) {
                long took = firstMessageNanos(endpoint, router, "fresh-" + i);
                slowestNanos = Math.max(slowestNanos, took);
                late += took > LATE.toNanos() ? 1 : 0;
            }
        }
        assertThat(late).as("connections whose first message took over %s (slowest %d ms)", LATE,
                TimeUnit.NANOSECONDS.toMillis(slowestNanos)).isZero();
    }

    /** How long the first message of a fresh stream took to reach the router; past the give-up time, that time. */
    private static long firstMessageNanos(String endpoint, ZMQ.Socket router, String body) throws Exception {
        try (ZContext client = new ZContext(); ZmqIoLoop loop = new ZmqIoLoop(client, "plain-stream")) {
            loop.start();
            ZMQStream dealer = new ZMQStream(client.createSocket(SocketType.DEALER), loop);
            long start = System.nanoTime();
            dealer.connect(endpoint);
            dealer.sendString(body);
            while (true) {
                byte[] identity = router.recv();
                if (identity == null) {
                    return GIVE_UP.toNanos();
                }
                String received = router.recvStr();
                if (body.equals(received)) {
                    long took = System.nanoTime() - start;
                    dealer.close(0);
                    return took;
                }
            }
        }
    }
}
