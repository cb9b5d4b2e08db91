package io.zmqstream.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import io.zmqstream.ZMQStream;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A real socket that talks to one stream under test, owned by the thread that made it (the
 * test's): it sends bytes, text, JSON and multipart messages, receives with a timeout, and waits
 * in its assertions instead of sleeping. Made by {@link ZmqTestPeers}, which closes it.
 *
 * <p>A SUB peer returns from {@link #subscribe(String)} only once the stream applies the
 * subscription (it probes through the stream until a probe of its own gets back), and an XPUB
 * peer sends a message only once a subscription of the stream matches it: the first message
 * published is never lost to ZeroMQ's slow joiner. Probes are on a topic of their own, which
 * the peer never returns; a stream's other subscribers to everything see them too.
 */
public final class ZmqTestPeer implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

    private final ZMQStream stream;
    private final ZMQ.Socket socket;
    private final SocketType type;
    private final String endpoint;
    /** The codec given, or {@code null} for Jackson's, looked up only once JSON is used. */
    private final PeerJson json;
    private final Duration timeout;
    private final Consumer<ZmqTestPeer> onClose;
    /** Messages that came in while a subscription was being probed, for the next receives. */
    private final Deque<ZmqTestMessage> received = new ArrayDeque<>();
    private final PeerSubscriptions subscriptions = new PeerSubscriptions();
    private boolean closed;

    ZmqTestPeer(ZMQStream stream, ZMQ.Socket socket, SocketType type, String endpoint,
            PeerJson json, Duration timeout, Consumer<ZmqTestPeer> onClose) {
        this.stream = stream;
        this.socket = socket;
        this.type = type;
        this.endpoint = endpoint;
        this.json = json;
        this.timeout = timeout;
        this.onClose = onClose;
    }

    /**
     * This peer's socket type.
     *
     * @return the type
     */
    public SocketType type() {
        return type;
    }

    /**
     * The endpoint this peer connected to (a stream's bound endpoint, its port resolved) or bound
     * (an endpoint the stream connects to).
     *
     * @return the endpoint
     */
    public String endpoint() {
        return endpoint;
    }

    /**
     * The JeroMQ socket, for what this class does not offer; only on the thread that made the peer.
     *
     * @return the socket
     */
    public ZMQ.Socket socket() {
        return socket;
    }

    /**
     * Sends one message of the given frames. An XPUB peer first waits until a subscription of the
     * stream matches the first frame.
     *
     * @param frames the frames, at least one
     * @return this peer
     * @throws AssertionError when the message cannot be sent, or no subscription matches it, in time
     */
    public ZmqTestPeer send(byte[]... frames) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("A message has at least one frame");
        }
        if (type == SocketType.XPUB) {
            awaitSubscription(frames[0]);
        }
        for (int i = 0; i < frames.length; i++) {
            if (!socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0)) {
                throw new AssertionError(this + " could not send within " + timeout + " (error " + socket.errno() + ")");
            }
        }
        return this;
    }

    /**
     * Sends one message of the given frames.
     *
     * @param frames the frames, at least one
     * @return this peer
     */
    public ZmqTestPeer sendMultipart(List<byte[]> frames) {
        return send(frames.toArray(byte[][]::new));
    }

    /**
     * Sends one message whose frames are the given texts, in UTF-8.
     *
     * @param frames the texts, at least one
     * @return this peer
     */
    public ZmqTestPeer sendString(String... frames) {
        return send(ZmqTestMessage.utf8(frames));
    }

    /**
     * Sends a value as one JSON frame, after the given leading frames (a topic, say).
     *
     * @param value the value
     * @param leadingFrames texts sent before the JSON frame
     * @return this peer
     */
    public ZmqTestPeer sendJson(Object value, String... leadingFrames) {
        byte[][] frames = Arrays.copyOf(ZmqTestMessage.utf8(leadingFrames), leadingFrames.length + 1);
        frames[leadingFrames.length] = json(value);
        return send(frames);
    }

    /**
     * A value as JSON, as this peer's codec writes it.
     *
     * @param value the value
     * @return its UTF-8 JSON text
     */
    public byte[] json(Object value) {
        try {
            return codec().encode(value);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON: " + ex.getMessage(), ex);
        }
    }

    /**
     * The next message, waiting at most {@code within}.
     *
     * @param within how long to wait; zero for what has already arrived
     * @return the message, or {@code null} when none came
     */
    public ZmqTestMessage receive(Duration within) {
        if (!received.isEmpty()) {
            return received.poll();
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            ZmqTestMessage message = read(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (message == null || !isProbe(message)) {
                if (message != null && type == SocketType.XPUB) {
                    subscriptions.take(message);
                }
                return message;
            }
        }
    }

    /**
     * The next message, waiting at most the peers' timeout.
     *
     * @return the message
     * @throws AssertionError when none came in time
     */
    public ZmqTestMessage expectMessage() {
        ZmqTestMessage message = receive(timeout);
        if (message == null) {
            throw new AssertionError(this + " received no message within " + timeout);
        }
        return message;
    }

    /**
     * The next message, which must have exactly these frames, as UTF-8 text.
     *
     * @param frames the texts expected
     * @return the message
     * @throws AssertionError when none came in time, or another did
     */
    public ZmqTestMessage expectMessage(String... frames) {
        ZmqTestMessage message = expectMessage();
        if (!message.texts().equals(List.of(frames))) {
            throw new AssertionError(this + " expected a message " + List.of(frames) + " but received "
                    + message.texts());
        }
        return message;
    }

    /**
     * The next message's last frame, read as JSON of the given type.
     *
     * @param <T> the type
     * @param type the type
     * @return the value
     * @throws AssertionError when no message came in time, or its last frame is not JSON of that type
     */
    public <T> T expectJson(Class<T> type) {
        return lastFrameAs(expectMessage(), type);
    }

    /**
     * Fails when a message arrives within {@code duration}: waits the whole duration when none does.
     *
     * @param duration how long nothing may arrive
     * @throws AssertionError when a message arrived
     */
    public void expectNothingFor(Duration duration) {
        ZmqTestMessage message = receive(duration);
        if (message != null) {
            throw new AssertionError(this + " expected no message for " + duration + " but received " + message);
        }
    }

    /**
     * Sends a request and returns the reply: for a REQ peer of a REP or ROUTER stream, or a DEALER
     * peer of a ROUTER or REP stream (the empty delimiter a REP stream needs is added and removed here).
     *
     * @param frames the request's frames, as UTF-8 text
     * @return the reply
     * @throws AssertionError when no reply came in time
     */
    public ZmqTestMessage request(String... frames) {
        return request(ZmqTestMessage.utf8(frames));
    }

    /**
     * Sends a request and returns the reply, as {@link #request(String...)} does.
     *
     * @param frames the request's frames
     * @return the reply
     */
    public ZmqTestMessage request(byte[]... frames) {
        if (type != SocketType.REQ && type != SocketType.DEALER) {
            throw new IllegalStateException(this + " cannot make a request: only a REQ or DEALER peer can");
        }
        boolean delimited = type == SocketType.DEALER && stream.getSocketType() == SocketType.REP;
        send(delimited ? ZmqTestMessage.behindDelimiter(frames) : frames);
        ZmqTestMessage reply = expectMessage();
        return delimited ? new ZmqTestMessage(reply.frames().subList(1, reply.size())) : reply;
    }

    /**
     * Sends a value as a JSON request and reads the reply's last frame as JSON.
     *
     * @param <T> the reply's type
     * @param request the request's value
     * @param replyType the reply's type
     * @return the reply's value
     */
    public <T> T requestJson(Object request, Class<T> replyType) {
        return lastFrameAs(request(json(request)), replyType);
    }

    /**
     * Subscribes a SUB or XSUB peer to a topic, and returns once the stream applies the
     * subscription: what the stream publishes next on the topic reaches this peer.
     *
     * @param topic the topic, a prefix of the first frames wanted; empty for everything
     * @return this peer
     * @throws AssertionError when the stream did not apply the subscription in time
     */
    public ZmqTestPeer subscribe(String topic) {
        if (type != SocketType.SUB && type != SocketType.XSUB) {
            throw new IllegalStateException(this + " cannot subscribe: only a SUB or XSUB peer can");
        }
        subscription(topic.getBytes(StandardCharsets.UTF_8), true);
        awaitSubscriptionsApplied(topic);
        return this;
    }

    /**
     * For an XPUB peer: waits until a subscription of the stream matches {@code topic}.
     *
     * @param topic the first frame of a message to publish
     * @return this peer
     * @throws AssertionError when no subscription matched in time
     */
    public ZmqTestPeer awaitSubscription(String topic) {
        awaitSubscription(topic.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Closes the socket; {@link ZmqTestPeers#close()} closes every peer it made. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.close();
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "ZmqTestPeer[" + type + " " + endpoint + " of " + stream + "]";
    }

    private void awaitSubscription(byte[] topic) {
        if (type != SocketType.XPUB) {
            throw new IllegalStateException(this + " sees no subscriptions: only an XPUB peer does");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!subscriptions.covers(topic)) {
            long left = deadline - System.nanoTime();
            ZmqTestMessage message = left > 0 ? read(Duration.ofNanos(left)) : null;
            if (message == null) {
                throw new AssertionError(this + ": no subscription of the stream matched '"
                        + new String(topic, StandardCharsets.UTF_8) + "' within " + timeout);
            }
            subscriptions.take(message);
        }
    }

    /**
     * Probes until the stream applies this peer's subscriptions: subscriptions travel in order, so
     * once a probe on a topic subscribed last comes back, the ones before it are in effect too.
     */
    private void awaitSubscriptionsApplied(String topic) {
        byte[] probe = SubscriptionProbe.newTopic();
        subscription(probe, true);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                stream.send(probe);
                for (ZmqTestMessage message = read(PROBE_INTERVAL); message != null; message = read(Duration.ZERO)) {
                    if (Arrays.equals(message.frame(0), probe)) {
                        return;
                    }
                    if (!isProbe(message)) {
                        received.add(message);
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(this + ": the subscription to '" + topic + "' did not reach the stream "
                            + "within " + timeout);
                }
            }
        }
        finally {
            subscription(probe, false);
        }
    }

    private void subscription(byte[] topic, boolean subscribe) {
        if (type == SocketType.SUB) {
            if (subscribe) {
                socket.subscribe(topic);
            }
            else {
                socket.unsubscribe(topic);
            }
            return;
        }
        send(PeerSubscriptions.message(topic, subscribe));
    }

    private boolean isProbe(ZmqTestMessage message) {
        return (type == SocketType.SUB || type == SocketType.XSUB) && SubscriptionProbe.isProbe(message.frame(0));
    }

    private ZmqTestMessage read(Duration within) {
        return ZmqTestMessage.read(socket, within);
    }

    private <T> T lastFrameAs(ZmqTestMessage message, Class<T> type) {
        byte[] frame = message.frame(message.size() - 1);
        try {
            return type.cast(codec().decode(frame, type));
        }
        catch (Exception ex) {
            throw new AssertionError(this + " received a message whose last frame is not JSON of " + type.getName() + ": "
                    + message, ex);
        }
    }

    private PeerJson codec() {
        return json != null ? json : PeerJson.jackson();
    }
}
