package io.zmqstream.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * How often a fresh tcp connection from a context of its own stalls in its handshake, raw JeroMQ
 * beside a {@link ZMQStream} that watches (and so heals) its connections, in one run on one machine.
 *
 * <p>Each try makes a new client context that connects a DEALER to a ROUTER of another context
 * and sends one message; the try is late when the ROUTER has not received it within a second. The
 * two kinds of client take turns, so that both see the same load. JeroMQ 0.6.0 leaves a few
 * connections in a hundred stalled until its handshake interval (30 s) drops them; the stream
 * heals them.
 *
 * <p>Arguments: tries of each kind (default 500).
 */
public final class HandshakeStall {

    private static final long LATE_MILLIS = 1_000;

    private HandshakeStall() {
    }

    /**
     * Runs the tries and prints how many were late, each kind.
     *
     * @param args optionally the tries of each kind
     */
    public static void main(String[] args) throws Exception {
        int tries = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rawLate = 0;
        int streamLate = 0;
        long healed = 0;
        try (ZContext server = new ZContext()) {
            ZMQ.Socket router = server.createSocket(SocketType.ROUTER);
            router.setReceiveTimeOut((int) LATE_MILLIS);
            String endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
            for (int i = 0; i < tries; i++) {
                rawLate += rawArrives(endpoint, router, i) ? 0 : 1;
                long streamHealed = streamArrives(endpoint, router, i);
                streamLate += streamHealed < 0 ? 1 : 0;
                healed += Math.max(streamHealed, 0);
            }
        }
        System.out.printf("fresh connections whose first message took over %d ms: raw JeroMQ %d of %d, "
                + "ZMQStream %d of %d (%d stalled handshakes healed)%n", LATE_MILLIS, rawLate, tries, streamLate, tries,
                healed);
    }

    private static boolean rawArrives(String endpoint, ZMQ.Socket router, int attempt) {
        try (ZContext client = new ZContext()) {
            ZMQ.Socket dealer = client.createSocket(SocketType.DEALER);
            dealer.connect(endpoint);
            String body = "raw " + attempt;
            dealer.send(body);
            return arrived(router, body);
        }
    }

    /** The handshakes the stream healed, or -1 when the message was late. */
    private static long streamArrives(String endpoint, ZMQ.Socket router, int attempt) throws Exception {
        try (ZContext client = new ZContext(); ZmqIoLoop loop = new ZmqIoLoop(client, "stall-client")) {
            loop.start();
            ZMQStream dealer = new ZMQStream(client.createSocket(SocketType.DEALER), loop);
            dealer.connect(endpoint);
            String body = "stream " + attempt;
            dealer.sendString(body);
            boolean arrived = arrived(router, body);
            long healed = dealer.getStatistics().getHandshakesHealed();
            CompletableFuture<Void> closed = new CompletableFuture<>();
            dealer.setCloseCallback(() -> closed.complete(null));
            dealer.close(0);
            closed.get(LATE_MILLIS, TimeUnit.MILLISECONDS);
            return arrived ? healed : -1;
        }
    }

    /** Whether {@code body} arrives within the late limit; earlier, stray messages are skipped. */
    private static boolean arrived(ZMQ.Socket router, String body) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);
        while (System.nanoTime() < deadline) {
            byte[] identity = router.recv();
            if (identity == null) {
                return false;
            }
            if (body.equals(router.recvStr())) {
                return true;
            }
        }
        return false;
    }
}
