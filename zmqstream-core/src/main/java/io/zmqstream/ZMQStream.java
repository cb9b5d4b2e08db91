package io.zmqstream;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Callbacks on a JeroMQ socket, driven by a {@link ZmqIoLoop}: pyzmq's {@code ZMQStream}.
 *
 * <p>Register {@link #onRecv(RecvCallback)} to have each incoming message handed to a callback,
 * {@link #onSend(SendCallback)} to hear about each message sent, and send with the {@code send*}
 * methods. Names follow pyzmq's, camel-cased. Where this class deliberately behaves better than
 * pyzmq:
 * <ol>
 * <li><b>Thread-safe.</b> Every public method may be called from any thread. Only the loop thread
 * touches the socket: a send from another thread queues the message and wakes the loop; socket
 * operations such as {@link #bind(String)} run on the loop thread and wait for it. Callbacks run on
 * the loop thread. Messages sent from one thread leave in the order of the calls.</li>
 * <li><b>Batched.</b> Each turn handles up to {@link ZmqIoLoop#getBatchBudget()} messages each way,
 * then the next ready stream gets its turn (pyzmq handles one message per loop iteration).</li>
 * <li><b>Never stalls.</b> A callback that throws is logged and counted; the socket's events are
 * read again after every turn, so pending messages are still delivered (pyzmq stalls).</li>
 * <li><b>Bounded send queue.</b> {@link SendQueueOptions} sets its capacity and
 * {@link OverflowPolicy}; by default a send from another thread waits for room (up to a timeout),
 * and on the loop thread, where waiting would deadlock, a full queue fails the call. Frames are
 * validated when the message is queued, so a bad frame fails the caller at once.</li>
 * <li><b>Per-message send callbacks.</b> The callback given to a send fires for that message only;
 * the {@link #onSend(SendCallback)} callback fires for every message (pyzmq replaces
 * {@code on_send} for good).</li>
 * <li><b>Honest close.</b> {@link #close(int)} first sends what is queued, within the linger time;
 * what still cannot be sent is logged, counted and reported to each message's send callbacks
 * with a failed status. Nothing is dropped silently.</li>
 * <li><b>Tracking.</b> JeroMQ cannot tell when the wire has taken a frame: {@code track=true}
 * copies the frames when they are queued, freeing the caller's buffers at once, and send callbacks
 * get a {@link MessageTracker} that is already done. Nothing more is claimed.</li>
 * <li><b>Safe objects.</b> {@link #sendObject(Serializable)} uses Java serialization; reading it
 * back requires an allow-list ({@link JavaSerialization#deserialize}).</li>
 * </ol>
 *
 * <p>Only one open stream may own a socket; closing the stream closes the socket.
 */
public class ZMQStream implements AutoCloseable {

    /** How long a connection may wait for its handshake before it is healed, unless set otherwise. */
    public static final Duration DEFAULT_HANDSHAKE_HEAL_AFTER = Duration.ofMillis(200);

    /** The ZAP domain a stream gives a socket that has none, so that JeroMQ refuses peers older than ZMTP 3.0. */
    public static final String DEFAULT_ZAP_DOMAIN = "zmqstream";

    private static final Logger log = LoggerFactory.getLogger(ZMQStream.class);

    /** Replaced only by {@link #replaceSocket}; read from any thread. */
    private volatile ZMQ.Socket socket;
    private final ZmqIoLoop loop;
    private final SocketType socketType;
    private volatile String name;
    private final StreamStatistics statistics;
    private final StreamSocketGuard guard;
    private final StreamDriver driver;
    private final StreamOutbox outbox;
    private final StreamInbox inbox;
    private final StreamTracing tracing;
    private final StreamEndpoints endpoints = new StreamEndpoints(this);

    private volatile JsonEncoder jsonEncoder;
    private volatile String maxMessageSizeProperty;
    private volatile ConnectionEventCallback connectionEventCallback;

    /**
     * Creates a stream on the loop of the calling thread.
     *
     * @param socket the socket; from now on only the loop thread may touch it
     * @throws IllegalStateException when the caller is not on a loop thread, or the socket has a stream
     */
    public ZMQStream(ZMQ.Socket socket) {
        this(socket, requireCurrentLoop());
    }

    /**
     * Creates a stream with the default send queue options.
     *
     * @param socket the socket; from now on only the loop thread may touch it
     * @param ioLoop the loop that drives it
     * @throws IllegalStateException when the socket already has an open stream
     */
    public ZMQStream(ZMQ.Socket socket, ZmqIoLoop ioLoop) {
        this(socket, ioLoop, SendQueueOptions.defaults());
    }

    /**
     * Creates a stream.
     *
     * @param socket the socket; from now on only the loop thread may touch it
     * @param ioLoop the loop that drives it
     * @param sendQueueOptions the send queue's capacity and overflow policy
     * @throws IllegalStateException when the socket has an open stream, or the loop refuses it (it is
     *         closed, or has a handler for the socket); the socket is then left free for another stream
     */
    public ZMQStream(ZMQ.Socket socket, ZmqIoLoop ioLoop, SendQueueOptions sendQueueOptions) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.loop = Objects.requireNonNull(ioLoop, "ioLoop");
        SendQueue sendQueue = new SendQueue(Objects.requireNonNull(sendQueueOptions, "sendQueueOptions"));
        this.statistics = new StreamStatistics(sendQueue::size);
        this.socketType = socket.getSocketType();
        this.guard = new StreamSocketGuard(this, socket, statistics);
        this.driver = new StreamDriver(this, socket, sendQueue, statistics, guard);
        this.outbox = driver.outbox();
        this.inbox = driver.inbox();
        this.tracing = new StreamTracing(outbox);
        driver.register();
    }

    private static ZmqIoLoop requireCurrentLoop() {
        ZmqIoLoop current = ZmqIoLoop.current();
        if (current == null) {
            throw new IllegalStateException("No ZmqIoLoop runs on thread " + Thread.currentThread().getName()
                    + "; pass the loop to new ZMQStream(socket, ioLoop)");
        }
        return current;
    }

    // ---- accessors ----

    /**
     * The socket this stream owns. Touch it only on the loop thread, or through {@link #withSocket(Consumer)}.
     *
     * @return the socket
     */
    public ZMQ.Socket getSocket() {
        return socket;
    }

    /**
     * The loop that drives this stream.
     *
     * @return the loop
     */
    public ZmqIoLoop getIoLoop() {
        return loop;
    }

    /**
     * The type of this stream's socket, known without touching the socket.
     *
     * @return the socket type
     */
    public SocketType getSocketType() {
        return socketType;
    }

    /**
     * The endpoints bound through this stream, as the socket reports them: a wildcard port
     * ({@code tcp://127.0.0.1:*}) appears as the port chosen. Binds made through
     * {@link #withSocket(Consumer)} are not seen.
     *
     * @return the bound endpoints, in the order they were bound
     */
    public List<String> getBoundEndpoints() {
        return endpoints.bound();
    }

    /**
     * The endpoints connected through this stream and not disconnected since.
     *
     * @return the connected endpoints, in the order they were connected
     */
    public List<String> getConnectedEndpoints() {
        return endpoints.connected();
    }

    /**
     * This stream's counters.
     *
     * @return the statistics, live
     */
    public StreamStatistics getStatistics() {
        return statistics;
    }

    /**
     * The bound of this stream's send queue and what a send does when it is full.
     *
     * @return the options given when the stream was created
     */
    public SendQueueOptions getSendQueueOptions() {
        return outbox.options();
    }

    /**
     * This stream's name, as logs show it.
     *
     * @return the name, or {@code null} when none was given
     */
    public String getName() {
        return name;
    }

    /**
     * Names this stream, so that its log lines and {@link #toString()} say which stream they are about.
     *
     * @param name the name, or {@code null} for none
     */
    public void setName(String name) {
        String previous = this.name;
        this.name = name;
        if (!Objects.equals(previous, name)) {
            loop.renamed(this, previous);
        }
    }

    /**
     * Sets the encoder of {@link #sendJson(Object)}; Jackson 3's shared mapper unless set.
     *
     * @param encoder the encoder, or {@code null} for the default
     */
    public void setJsonEncoder(JsonEncoder encoder) {
        this.jsonEncoder = encoder;
    }

    // ---- connections ----

    /**
     * Sets how long a connection this stream makes may wait for its handshake before it is healed,
     * {@link #DEFAULT_HANDSHAKE_HEAL_AFTER} unless set. A stalled connection (JeroMQ 0.6.0 leaves a
     * few; the README says why) is healed at most three times, losing no message; connections
     * already waiting keep the time they had.
     *
     * @param healAfter how long a connection may wait; zero turns healing off
     * @throws IllegalArgumentException when {@code healAfter} is negative
     */
    public void setHandshakeHealAfter(Duration healAfter) {
        guard.healAfter(healAfter);
    }

    /**
     * Whether the stream watches its connections: from its creation, through its socket's event hook,
     * unless the socket had another monitor or {@link #stopMonitoringConnections()} was called. Only
     * then does it heal stalled handshakes and tell of peers dropped for an oversized message.
     *
     * @return {@code true} while the stream watches its connections
     */
    public boolean isMonitoringConnections() {
        return guard.isMonitoring() && !isClosed();
    }

    /**
     * Stops watching this stream's connections, and healing them, and frees the socket's event hook
     * for another monitor ({@code ZMQ.Socket.monitor}). Nothing happens when the stream does not watch.
     */
    public void stopMonitoringConnections() {
        onSocket(s -> {
            guard.stopMonitoring();
            return null;
        });
    }

    /**
     * The stream's connections now, from its socket's monitor events.
     *
     * @return per endpoint and in total; empty (not monitored) when the stream does not watch
     */
    public StreamConnections getConnections() {
        return guard.connections();
    }

    /**
     * Calls {@code callback} on the loop thread with each connection event of a stream that watches
     * its connections. Replaces the previous one; {@code null} removes it.
     *
     * @param callback the callback, or {@code null}
     */
    public void onConnectionEvent(ConnectionEventCallback callback) {
        this.connectionEventCallback = callback;
    }

    ConnectionEventCallback connectionEventCallback() {
        return connectionEventCallback;
    }

    /**
     * Names the setting that bounds this stream's message size, such as
     * {@code zmq.streams.orders.max-message-size}, for the warning a peer over it causes.
     *
     * @param property the setting's name, or {@code null} for the socket option's
     */
    public void setMaxMessageSizeProperty(String property) {
        this.maxMessageSizeProperty = property;
    }

    String maxMessageSizeProperty() {
        return maxMessageSizeProperty;
    }

    // ---- receiving ----

    /**
     * Calls {@code callback} with each incoming message as copied frames: pyzmq's {@code on_recv}.
     * Replaces any receive callback; {@code null} stops receiving, leaving messages in ZeroMQ's queue.
     *
     * @param callback the callback, or {@code null}
     */
    public void onRecv(RecvCallback callback) {
        inbox.setDelivery(callback == null ? null : (stream, frames) -> callback.onRecv(StreamInbox.copies(frames)));
    }

    /**
     * Like {@link #onRecv(RecvCallback)}, with the stream as first argument: pyzmq's {@code on_recv_stream}.
     *
     * @param callback the callback, or {@code null}
     */
    public void onRecvStream(RecvStreamCallback callback) {
        inbox.setDelivery(callback == null ? null : (stream, frames) -> callback.onRecv(stream, StreamInbox.copies(frames)));
    }

    /**
     * Calls {@code callback} with each incoming message as JeroMQ frames, without copying:
     * pyzmq's {@code on_recv(callback, copy=False)}.
     *
     * @param callback the callback, or {@code null}
     */
    public void onRecvFrames(FrameCallback callback) {
        inbox.setDelivery(callback == null ? null : (stream, frames) -> callback.onRecv(StreamInbox.wrap(frames)));
    }

    /**
     * Like {@link #onRecvFrames(FrameCallback)}, with the stream as first argument.
     *
     * @param callback the callback, or {@code null}
     */
    public void onRecvStreamFrames(FrameStreamCallback callback) {
        inbox.setDelivery(callback == null ? null : (stream, frames) -> callback.onRecv(stream, StreamInbox.wrap(frames)));
    }

    /**
     * Calls {@code callback} with each incoming message: pyzmq's coroutine callbacks. The stage it returns
     * says when the message is handled; a failed stage is logged and counted like a thrown exception.
     *
     * @param callback the callback, or {@code null}
     */
    public void onRecvAsync(AsyncRecvCallback callback) {
        onRecvAsync(callback, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #onRecvAsync(AsyncRecvCallback)}, receiving no further message while
     * {@code maxInFlight} stages are incomplete; receiving resumes when one completes.
     *
     * @param callback the callback, or {@code null}
     * @param maxInFlight the most stages in flight, at least 1
     */
    public void onRecvAsync(AsyncRecvCallback callback, int maxInFlight) {
        inbox.setDelivery(callback == null ? null
                : (stream, frames) -> inbox.track(callback.onRecv(StreamInbox.copies(frames))), maxInFlight);
    }

    /**
     * Like {@link #onRecvAsync(AsyncRecvCallback, int)}, with each message as JeroMQ frames, without copying.
     *
     * @param callback the callback, or {@code null}
     * @param maxInFlight the most stages in flight, at least 1; {@link Integer#MAX_VALUE} for no limit
     */
    public void onRecvFramesAsync(AsyncFrameCallback callback, int maxInFlight) {
        inbox.setDelivery(callback == null ? null
                : (stream, frames) -> inbox.track(callback.onRecv(StreamInbox.wrap(frames))), maxInFlight);
    }

    /** Stops receiving: pyzmq's {@code stop_on_recv}. Messages wait in ZeroMQ's queue for the next callback. */
    public void stopOnRecv() {
        inbox.setDelivery(null);
    }

    /**
     * Whether a receive callback is registered on an open stream: pyzmq's {@code receiving()}.
     *
     * @return {@code true} while the stream receives
     */
    public boolean isReceiving() {
        return inbox.hasDelivery() && !isClosed();
    }

    // ---- send callbacks ----

    /**
     * Calls {@code callback} for every message once the socket took it or it failed: pyzmq's
     * {@code on_send}. Replaces the previous one; {@code null} removes it.
     *
     * @param callback the callback, or {@code null}
     */
    public void onSend(SendCallback callback) {
        outbox.setStreamCallback(callback == null ? null : (stream, msg, status) -> callback.onSend(msg, status));
    }

    /**
     * Like {@link #onSend(SendCallback)}, with the stream as first argument: pyzmq's {@code on_send_stream}.
     *
     * @param callback the callback, or {@code null}
     */
    public void onSendStream(SendStreamCallback callback) {
        outbox.setStreamCallback(callback);
    }

    /**
     * Removes the {@link #onSend(SendCallback)} callback: pyzmq's {@code stop_on_send}.
     * Per-message callbacks of queued sends still fire.
     */
    public void stopOnSend() {
        outbox.setStreamCallback(null);
    }

    /**
     * Does nothing but log a warning, as in pyzmq: error callbacks were removed there.
     *
     * @param callback ignored
     * @deprecated pyzmq's {@code on_err} does nothing; send failures reach send callbacks instead
     */
    @Deprecated
    public void onErr(Runnable callback) {
        log.warn("{}: onErr is deprecated and does nothing, as in pyzmq", this);
    }

    /**
     * Does nothing but log a warning, as in pyzmq.
     *
     * @deprecated pyzmq's {@code stop_on_err} does nothing
     */
    @Deprecated
    public void stopOnErr() {
        log.warn("{}: stopOnErr is deprecated and does nothing, as in pyzmq", this);
    }

    /**
     * Whether messages wait to be sent: pyzmq's {@code sending()}.
     *
     * @return {@code true} while the send queue is not empty
     */
    public boolean isSending() {
        return !outbox.isEmpty();
    }

    // ---- sending ----
    //
    // Every send* method queues its message and returns; the loop hands it to the socket. Each throws
    // IllegalStateException once the stream is closed, UnsupportedOperationException on a socket type
    // that cannot send (PULL, SUB), SendQueueFullException when the queue's policy refuses.

    /**
     * Queues a single-frame message, copying the bytes.
     *
     * @param data the frame
     */
    public void send(byte[] data) {
        send(data, 0, true, false, null);
    }

    /**
     * Queues a single-frame message, copying the bytes.
     *
     * @param data the frame
     * @param flags {@link ZMQ#SNDMORE} to continue the message with the next send; other flags are ignored
     */
    public void send(byte[] data, int flags) {
        send(data, flags, true, false, null);
    }

    /**
     * Queues a single-frame message, copying the bytes.
     *
     * @param data the frame
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param callback fired for this message only, once sent or failed; may be {@code null}
     */
    public void send(byte[] data, int flags, SendCallback callback) {
        send(data, flags, true, false, callback);
    }

    /**
     * Queues a single-frame message: pyzmq's {@code send(msg, flags, copy, track, callback)}.
     *
     * @param data the frame
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param copy whether to copy the bytes now, so the caller may reuse them at once
     * @param track whether to copy the bytes now and hand callbacks a tracker that is already done
     * @param callback fired for this message only, once sent or failed; may be {@code null}
     */
    public void send(byte[] data, int flags, boolean copy, boolean track, SendCallback callback) {
        outbox.enqueue(OutboundMessage.ofFrame(data, flags, copy || track, callback));
    }

    /**
     * Queues a multipart message, copying the frames.
     *
     * @param frames the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     */
    public void sendMultipart(List<?> frames) {
        sendMultipart(frames, 0, true, false, null);
    }

    /**
     * Queues a multipart message, copying the frames.
     *
     * @param frames the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     * @param flags {@link ZMQ#SNDMORE} or 0
     */
    public void sendMultipart(List<?> frames, int flags) {
        sendMultipart(frames, flags, true, false, null);
    }

    /**
     * Queues a multipart message, copying the frames.
     *
     * @param frames the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param callback fired for this message only, once sent or failed; may be {@code null}
     */
    public void sendMultipart(List<?> frames, int flags, SendCallback callback) {
        sendMultipart(frames, flags, true, false, callback);
    }

    /**
     * Queues a multipart message: pyzmq's {@code send_multipart}.
     *
     * @param frames the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param copy whether to copy the frames now, so the caller may reuse them at once
     * @param track whether to copy the frames now and hand callbacks a tracker that is already done
     * @param callback fired for this message only, once sent or failed; may be {@code null}
     * @throws IllegalArgumentException when the message is empty or a frame has another type
     */
    public void sendMultipart(List<?> frames, int flags, boolean copy, boolean track, SendCallback callback) {
        outbox.enqueue(OutboundMessage.of(frames, flags, copy || track, callback));
    }

    /**
     * Queues a message for one peer of a ROUTER (or STREAM) socket: its envelope, then the body;
     * from any thread, at any time after the envelope was received.
     *
     * @param envelope the peer's envelope, as received or made with {@link RoutingEnvelope#of(byte[])}
     * @param body the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     * @throws UnsupportedOperationException on a socket that does not route by identity
     */
    public void sendTo(RoutingEnvelope envelope, List<?> body) {
        sendTo(envelope, body, null);
    }

    /**
     * Queues a message for one peer of a ROUTER (or STREAM) socket, with a callback for it.
     *
     * @param envelope the peer's envelope
     * @param body the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     * @param callback fired for this message only, once sent or failed; may be {@code null}
     * @throws UnsupportedOperationException on a socket that does not route by identity
     */
    public void sendTo(RoutingEnvelope envelope, List<?> body, SendCallback callback) {
        if (socketType != SocketType.ROUTER && socketType != SocketType.STREAM) {
            throw new UnsupportedOperationException(this + " cannot send to a peer by its identity: only ROUTER "
                    + "and STREAM sockets route");
        }
        List<Object> frames = new ArrayList<>(envelope.frames().size() + body.size());
        frames.addAll(envelope.frames());
        frames.addAll(body);
        sendMultipart(frames, 0, true, false, callback);
    }

    /**
     * Queues a message for the peer of a ROUTER (or STREAM) socket with this identity, which sends
     * no delimiter (a DEALER or ROUTER peer).
     *
     * @param identity the peer's routing id
     * @param body the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     */
    public void sendTo(byte[] identity, List<?> body) {
        sendTo(RoutingEnvelope.of(identity), body);
    }

    /**
     * Queues one frame of UTF-8 text for one peer of a ROUTER (or STREAM) socket.
     *
     * @param envelope the peer's envelope
     * @param text the body
     */
    public void sendStringTo(RoutingEnvelope envelope, String text) {
        sendTo(envelope, List.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Queues a message made of a {@link ZMsg}'s frames, copying them; the {@code ZMsg} is left as it is.
     *
     * @param msg the message
     */
    public void sendMultipart(ZMsg msg) {
        sendMultipart(msg, 0, true, false, null);
    }

    /**
     * Queues a message made of a {@link ZMsg}'s frames; the {@code ZMsg} is left as it is.
     *
     * @param msg the message
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param copy whether to copy the frames now
     * @param track whether to copy the frames now and hand callbacks a tracker that is already done
     * @param callback fired for this message only; may be {@code null}
     */
    public void sendMultipart(ZMsg msg, int flags, boolean copy, boolean track, SendCallback callback) {
        sendMultipart(new ArrayList<>(msg), flags, copy, track, callback);
    }

    /**
     * Queues a text as one UTF-8 frame: pyzmq's {@code send_string}.
     *
     * @param text the text
     */
    public void sendString(String text) {
        sendString(text, 0, StandardCharsets.UTF_8, null);
    }

    /**
     * Queues a text as one frame in the given encoding.
     *
     * @param text the text
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param charset the encoding
     */
    public void sendString(String text, int flags, Charset charset) {
        sendString(text, flags, charset, null);
    }

    /**
     * Queues a text as one frame in the given encoding.
     *
     * @param text the text
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param charset the encoding
     * @param callback fired for this message only; may be {@code null}
     */
    public void sendString(String text, int flags, Charset charset, SendCallback callback) {
        outbox.enqueue(OutboundMessage.owned(text.getBytes(charset), flags, callback));
    }

    /**
     * Queues a text as one UTF-8 frame.
     *
     * @param text the text
     * @deprecated pyzmq's alias; use {@link #sendString(String)}
     */
    @Deprecated
    public void sendUnicode(String text) {
        sendString(text);
    }

    /**
     * Queues a text as one frame in the given encoding.
     *
     * @param text the text
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param charset the encoding
     * @deprecated pyzmq's alias; use {@link #sendString(String, int, Charset)}
     */
    @Deprecated
    public void sendUnicode(String text, int flags, Charset charset) {
        sendString(text, flags, charset);
    }

    /**
     * Queues an object as one frame of UTF-8 JSON: pyzmq's {@code send_json}. Encoding happens on
     * the calling thread, so an object that cannot be encoded fails the call.
     *
     * @param value the object
     */
    public void sendJson(Object value) {
        sendJson(value, 0, null);
    }

    /**
     * Queues an object as one frame of UTF-8 JSON.
     *
     * @param value the object
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param callback fired for this message only; may be {@code null}
     * @throws IllegalArgumentException when the object cannot be encoded
     */
    public void sendJson(Object value, int flags, SendCallback callback) {
        JsonEncoder encoder = jsonEncoder != null ? jsonEncoder : JsonEncoder.jackson();
        outbox.enqueue(OutboundMessage.json(encoder, value, flags, callback));
    }

    /**
     * Queues an object as one frame of Java serialization: pyzmq's {@code send_pyobj}. The receiver
     * needs an allow-list to read it ({@link JavaSerialization#deserialize}).
     *
     * @param value the object
     */
    public void sendObject(Serializable value) {
        sendObject(value, 0, null);
    }

    /**
     * Queues an object as one frame of Java serialization.
     *
     * @param value the object
     * @param flags {@link ZMQ#SNDMORE} or 0
     * @param callback fired for this message only; may be {@code null}
     */
    public void sendObject(Serializable value, int flags, SendCallback callback) {
        outbox.enqueue(OutboundMessage.owned(JavaSerialization.serialize(value), flags, callback));
    }

    // ---- flush ----

    /**
     * Handles every pending incoming and outgoing message now: pyzmq's {@code flush()}.
     *
     * @return the number of messages received and sent
     */
    public int flush() {
        return flush(ZMQ.Poller.POLLIN | ZMQ.Poller.POLLOUT, 0);
    }

    /**
     * Handles the pending messages of one or both directions now.
     *
     * @param flag {@link ZMQ.Poller#POLLIN}, {@link ZMQ.Poller#POLLOUT} or both
     * @return the number of messages received and sent
     */
    public int flush(int flag) {
        return flush(flag, 0);
    }

    /**
     * Handles pending messages now, bypassing the loop's turns: pyzmq's {@code flush(flag, limit)}.
     * Incoming messages go to the receive callback (received and discarded without one), within an
     * asynchronous callback's in-flight limit, until none is pending or the count reaches the limit.
     *
     * @param flag {@link ZMQ.Poller#POLLIN}, {@link ZMQ.Poller#POLLOUT} or both
     * @param limit the most messages to handle, both directions together; 0 for no limit
     * @return the number of messages received and sent
     */
    public int flush(int flag, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("The limit must not be negative, was " + limit);
        }
        if (isClosed()) {
            return 0;
        }
        return loop.callOnLoop(() -> driver.flush(flag, limit == 0 ? Integer.MAX_VALUE : limit));
    }

    // ---- closing ----

    /** Closes the stream and its socket with the socket's linger, as {@link #close(int)} does: pyzmq's {@code close()}. */
    @Override
    public void close() {
        close(-1);
    }

    /**
     * Closes the stream and its socket: pyzmq's {@code close(linger)}. Receiving stops and sends are
     * refused at once; queued messages are sent within the linger time, and what still cannot be is
     * logged, counted and reported to its send callbacks. Then the socket closes with what is left
     * of the linger, and the close callback runs. Off the loop thread this waits for the close, or
     * for an interrupt (the close goes on, the flag stays set); on the loop thread it returns at once.
     *
     * @param lingerMillis how long queued messages may take; negative for the socket's own linger
     *        ({@code -1} there means no time limit), 0 to send only what the socket takes at once
     */
    public void close(int lingerMillis) {
        closeAsync(lingerMillis);
        if (!loop.inLoopThread()) {
            awaitClosed(() -> false);
        }
    }

    /** Waits for the socket to close, or until {@code giveUp}; see {@link StreamDriver#awaitClosed}. */
    void awaitClosed(BooleanSupplier giveUp) {
        driver.awaitClosed(giveUp);
    }

    /**
     * Starts closing the stream as {@link #close(int)} does, without waiting.
     *
     * @param lingerMillis how long queued messages may take; negative for the socket's own linger
     * @return a future completed once the socket is closed and the close callback has run
     */
    public CompletableFuture<Void> closeAsync(int lingerMillis) {
        return driver.closeAsync(lingerMillis);
    }

    /**
     * Whether {@link #close(int)} was called: pyzmq's {@code closed()}. From then on no message is
     * accepted; the close callback says when the socket itself is released.
     *
     * @return {@code true} once closing began
     */
    public boolean isClosed() {
        return outbox.isClosed();
    }

    /**
     * Sets a callback that runs once the stream has closed its socket: pyzmq's {@code set_close_callback}.
     *
     * @param callback the callback, or {@code null}
     */
    public void setCloseCallback(Runnable callback) {
        driver.setCloseCallback(callback);
    }

    // ---- socket pass-through ----

    /**
     * Binds the socket to an endpoint, on the loop thread.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:5555} or {@code inproc://name}
     * @return {@code true} when bound
     */
    public boolean bind(String endpoint) {
        return onSocket(s -> endpoints.bind(s, endpoint));
    }

    /**
     * Binds the socket to a free port, on the loop thread.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1}
     * @return the port chosen
     */
    public int bindToRandomPort(String endpoint) {
        return onSocket(s -> endpoints.bindToRandomPort(s, endpoint));
    }

    /**
     * Connects the socket to an endpoint, on the loop thread.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:5555}
     * @return {@code true} when the connection was started
     */
    public boolean connect(String endpoint) {
        return onSocket(s -> endpoints.connect(s, endpoint));
    }

    /**
     * Unbinds the socket from an endpoint, on the loop thread.
     *
     * @param endpoint an endpoint it was bound to
     * @return {@code true} when unbound
     */
    public boolean unbind(String endpoint) {
        return onSocket(s -> endpoints.unbind(s, endpoint));
    }

    /**
     * Disconnects the socket from an endpoint, on the loop thread.
     *
     * @param endpoint an endpoint it was connected to
     * @return {@code true} when disconnected
     */
    public boolean disconnect(String endpoint) {
        return onSocket(s -> endpoints.disconnect(s, endpoint));
    }

    /**
     * Subscribes a SUB socket to a topic prefix, on the loop thread.
     *
     * @param topic the prefix; empty for everything
     * @return {@code true} when subscribed
     */
    public boolean subscribe(byte[] topic) {
        return onSocket(s -> endpoints.subscribe(s, topic));
    }

    /**
     * Subscribes a SUB socket to a UTF-8 topic prefix, on the loop thread.
     *
     * @param topic the prefix; empty for everything
     * @return {@code true} when subscribed
     */
    public boolean subscribe(String topic) {
        return subscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes a topic subscription of a SUB socket, on the loop thread.
     *
     * @param topic the prefix
     * @return {@code true} when removed
     */
    public boolean unsubscribe(byte[] topic) {
        return onSocket(s -> endpoints.unsubscribe(s, topic));
    }

    /**
     * Replaces the stream's socket with a new one, as the ZeroMQ Guide's Lazy Pirate reopens its REQ
     * after a timeout and a Paranoid Pirate worker reconnects as a new peer. The old socket closes at
     * once, with linger 0: what it had taken and not yet sent is lost with it, and a REQ forgets the
     * request it waited on. The stream keeps everything of its own: its name, receive and send
     * callbacks, statistics, tracing, send queue (whose messages the new socket sends, a message the
     * old one had taken part of from its first frame) and close callback. The new socket is given
     * what the old one got through this stream: its SUB subscriptions, its connections, and its binds
     * at the addresses they resolved to (tried again for up to 2 s while the closed socket still holds
     * one). Anything set on the socket itself, options and identity included, is the new socket's
     * own: set it before handing it over. A socket held from {@link #getSocket()} or
     * {@link #withSocket(Consumer)} is the old, closed one.
     *
     * @param fresh a socket of the same type, on the context of the old one, driven by no stream
     *        and neither bound nor connected
     * @return completes once the new socket is bound again, or with the reason a bind failed
     * @throws IllegalArgumentException when {@code fresh} is of another type
     * @throws IllegalStateException when the stream is closed, or another stream owns {@code fresh};
     *         the old socket is then kept
     */
    public CompletableFuture<Void> replaceSocket(ZMQ.Socket fresh) {
        Objects.requireNonNull(fresh, "fresh");
        if (fresh.getSocketType() != socketType) {
            throw new IllegalArgumentException(this + " cannot take a " + fresh.getSocketType() + " socket in place of its "
                    + socketType);
        }
        if (isClosed()) {
            throw new IllegalStateException(this + " is closed");
        }
        return loop.callOnLoop(() -> {
            driver.replaceSocket(fresh);
            socket = fresh;
            log.debug("{} replaced its socket", this);
            return endpoints.reopen(fresh, loop);
        });
    }

    /**
     * Removes a UTF-8 topic subscription of a SUB socket, on the loop thread.
     *
     * @param topic the prefix
     * @return {@code true} when removed
     */
    public boolean unsubscribe(String topic) {
        return unsubscribe(topic.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The stream's hooks for context carried with its messages: a frame added to each message sent
     * (a trace context, say) and whether received messages may end with one. Unused by default.
     *
     * @return the hooks, one per stream
     */
    public StreamTracing tracing() {
        return tracing;
    }

    /**
     * Runs an action on the socket on the loop thread and waits for it: any socket option or
     * operation this class does not pass through.
     *
     * @param action the action
     */
    public void withSocket(Consumer<ZMQ.Socket> action) {
        onSocket(s -> {
            action.accept(s);
            return null;
        });
    }

    private <T> T onSocket(Function<ZMQ.Socket, T> operation) {
        if (isClosed()) {
            throw new IllegalStateException(this + " is closed");
        }
        return loop.callOnLoop(() -> operation.apply(socket));
    }

    /** A callback of the application's threw: counted and logged, and the stream goes on. */
    void callbackFailed(String what, Throwable ex) {
        statistics.recordCallbackError();
        log.error("The {} of {} failed; the stream goes on", what, this, ex);
    }

    @Override
    public String toString() {
        return "ZMQStream[" + (name == null ? "" : name + ", ") + socketType + "]";
    }
}
