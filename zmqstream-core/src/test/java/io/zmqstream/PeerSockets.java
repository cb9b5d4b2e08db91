package io.zmqstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Real peer sockets in a context of their own, owned by the test thread, for the core's tests and
 * (through the test jar) the auto-configuration's.
 */
public class PeerSockets implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * JeroMQ 0.6.0 leaves a few fresh tcp connections in a hundred from a context of their own stalled
     * in their handshake (zeromq/jeromq pull request 1022) until the handshake interval, 30 s by
     * default, drops and retries them. A stream heals its own connections; a raw peer socket here
     * cannot, so every peer that connects gets this short handshake interval instead.
     */
    public static final Duration HANDSHAKE_INTERVAL = Duration.ofMillis(500);

    private final ZContext context = new ZContext();

    /** A socket whose sends and receives fail the test after {@link #TIMEOUT}, with {@link #HANDSHAKE_INTERVAL}. */
    public ZMQ.Socket socket(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
        socket.setSendTimeOut((int) TIMEOUT.toMillis());
        socket.setHandshakeIvl((int) HANDSHAKE_INTERVAL.toMillis());
        return socket;
    }

    /**
     * The reply a CURVE client with its own {@code keys} gets within {@code wait} to one request to
     * the server whose public key is {@code serverKey}, or {@code null}: a refused client gets none.
     * A client expected in waits long (a CURVE handshake on a loaded machine, after JeroMQ's connect
     * race, can take seconds); one expected out waits as long as the test will spend on nothing.
     */
    public String curveRequest(String endpoint, String serverKey, ZMQ.Curve.KeyPair keys, String request, Duration wait) {
        ZMQ.Socket dealer = socket(SocketType.DEALER);
        dealer.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
        dealer.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey));
        dealer.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey));
        dealer.setReceiveTimeOut((int) wait.toMillis());
        dealer.connect(endpoint);
        dealer.send(request);
        String reply = dealer.recvStr();
        dealer.close();
        return reply;
    }

    /**
     * The reply a PLAIN client gets within {@code wait} to one request, or {@code null}: a refused
     * client gets none. Waits as {@link #curveRequest} does.
     */
    public String plainRequest(String endpoint, String username, String password, String request, Duration wait) {
        ZMQ.Socket dealer = socket(SocketType.DEALER);
        dealer.setPlainUsername(username);
        dealer.setPlainPassword(password);
        dealer.setReceiveTimeOut((int) wait.toMillis());
        dealer.connect(endpoint);
        dealer.send(request);
        String reply = dealer.recvStr();
        dealer.close();
        return reply;
    }

    /** A socket bound to a free loopback port, and that port's endpoint. */
    public Bound bound(SocketType type) {
        ZMQ.Socket socket = socket(type);
        int port = socket.bindToRandomPort("tcp://127.0.0.1");
        return new Bound(socket, "tcp://127.0.0.1:" + port);
    }

    /** The endpoint a stream bound last, such as the port chosen for {@code tcp://127.0.0.1:*}. */
    public static String boundEndpoint(ZMQStream stream) {
        AtomicReference<String> endpoint = new AtomicReference<>();
        stream.withSocket(socket -> endpoint.set(socket.getLastEndpoint()));
        return endpoint.get();
    }

    public static String text(byte[] frame) {
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }

    /** A bound peer socket and the endpoint to connect to it. */
    public record Bound(ZMQ.Socket socket, String endpoint) {
    }
}
