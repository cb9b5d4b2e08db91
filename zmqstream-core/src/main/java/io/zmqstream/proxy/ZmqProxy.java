package io.zmqstream.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.zmqstream.RecvCallback;
import io.zmqstream.SendCallback;
import io.zmqstream.SocketDirections;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;

/**
 * A proxy between two streams on one loop, without a thread of its own: what ZeroMQ calls a device
 * and JeroMQ runs with {@code ZMQ.proxy} on a dedicated thread. Whole multipart messages go from the
 * frontend to the backend and, where the backend answers (a DEALER's replies, an XPUB's
 * subscriptions), back.
 *
 * <p>Back-pressure instead of loss: when one side's send queue holds {@code queueLimit} messages
 * (its socket stopped taking them: its peers are slow, absent or at their high-water mark), the
 * other side stops reading until that queue has drained; meanwhile messages wait in ZeroMQ, and
 * their senders meet their own high-water mark. A capture stream, when given, gets a copy of every
 * message; a capture that cannot keep up loses copies (counted), never holds up the proxy.
 *
 * <p>Frontend/backend pairs: ROUTER/DEALER (a queue in front of workers), XSUB/XPUB and XSUB/PUB,
 * SUB/XPUB and SUB/PUB (forwarders; with XSUB/XPUB subscriptions travel upstream), PULL/PUSH (a
 * streamer), PAIR/PAIR. Every method may be called from any thread.
 */
public final class ZmqProxy implements AutoCloseable {

    /** Messages a side's send queue holds before the other side stops reading, unless set otherwise. */
    public static final int DEFAULT_QUEUE_LIMIT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(ZmqProxy.class);
    private static final Map<SocketType, Set<SocketType>> PAIRS = Map.of(
            SocketType.ROUTER, Set.of(SocketType.DEALER),
            SocketType.XSUB, Set.of(SocketType.XPUB, SocketType.PUB),
            SocketType.SUB, Set.of(SocketType.XPUB, SocketType.PUB),
            SocketType.PULL, Set.of(SocketType.PUSH),
            SocketType.PAIR, Set.of(SocketType.PAIR));
    /** The proxy that reads each stream: a stream feeds one proxy at most. Guarded by itself. */
    private static final Map<ZMQStream, ZmqProxy> READERS = new WeakHashMap<>();
    private static final String PAIRS_TEXT = "ROUTER/DEALER (a queue), XSUB/XPUB or XSUB/PUB and SUB/XPUB or "
            + "SUB/PUB (forwarders), PULL/PUSH (a streamer), PAIR/PAIR";

    /** What a proxy is doing. */
    public enum State {
        /** Created, not yet forwarding. */
        STOPPED,
        /** Forwarding (a side may wait for the other's queue to drain). */
        RUNNING,
        /** Paused by {@link #pause()}: neither side reads. */
        PAUSED,
        /** Closed for good. */
        CLOSED
    }

    private final String name;
    private final ZMQStream capture;
    /** Whether each copy begins with a frame that names its direction. */
    private final boolean captureDirection;
    /** Copies the capture's queue may hold before more are dropped. */
    private final int captureLimit;
    private final ZmqIoLoop loop;
    private final int queueLimit;
    private final ProxyStatistics statistics = new ProxyStatistics();
    private final Side forward;
    private final Side backward;
    private volatile State state = State.STOPPED;

    /**
     * Creates a proxy, not yet forwarding.
     *
     * @param name the proxy's name, for logs, metrics and the actuator
     * @param frontend where clients or publishers connect
     * @param backend where workers or subscribers connect
     * @param capture a stream that gets a copy of every message, or {@code null}
     * @param queueLimit messages a side's send queue holds before the other side stops reading
     * @throws IllegalArgumentException when the streams cannot form a proxy: a pair of socket types
     *         that does not work, streams on different loops, a stream that already has a receive
     *         callback or feeds another proxy, or a capture that cannot send or is one of the sides
     */
    public ZmqProxy(String name, ZMQStream frontend, ZMQStream backend, ZMQStream capture, int queueLimit) {
        this(name, frontend, backend, capture, queueLimit, false);
    }

    /**
     * Creates a proxy, not yet forwarding, whose captured copies may say which way they went.
     *
     * @param name the proxy's name, for logs, metrics and the actuator
     * @param frontend where clients or publishers connect
     * @param backend where workers or subscribers connect
     * @param capture a stream that gets a copy of every message, or {@code null}
     * @param queueLimit messages a side's send queue holds before the other side stops reading
     * @param captureDirection whether each copy begins with a frame of its direction's
     *        {@link ProxyDirection#tag() tag}, {@code frontend-to-backend} or {@code backend-to-frontend}
     * @throws IllegalArgumentException when the streams cannot form a proxy, as for the other constructor
     */
    public ZmqProxy(String name, ZMQStream frontend, ZMQStream backend, ZMQStream capture, int queueLimit,
            boolean captureDirection) {
        checkPair(frontend.getSocketType(), backend.getSocketType());
        this.loop = frontend.getIoLoop();
        if (backend.getIoLoop() != loop || (capture != null && capture.getIoLoop() != loop)) {
            throw new IllegalArgumentException("A proxy's streams must run on one loop");
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("The queue limit must be at least 1, was " + queueLimit);
        }
        if (frontend == backend) {
            throw new IllegalArgumentException("A proxy's frontend and backend must be two streams, not " + frontend);
        }
        checkCapture(capture, frontend, backend);
        for (ZMQStream stream : List.of(frontend, backend)) {
            if (stream.isReceiving()) {
                throw new IllegalArgumentException(stream + " already has a receive callback; a proxy reads its streams itself");
            }
        }
        this.name = name;
        this.capture = capture;
        this.captureDirection = captureDirection;
        this.captureLimit = capture == null ? 0 : Math.min(queueLimit, capture.getSendQueueOptions().capacity());
        this.queueLimit = queueLimit;
        this.forward = new Side(frontend, backend, ProxyDirection.FRONTEND_TO_BACKEND);
        this.backward = answers(frontend.getSocketType(), backend.getSocketType())
                ? new Side(backend, frontend, ProxyDirection.BACKEND_TO_FRONTEND) : null;
        claimReading(frontend, backend);
    }

    /** A capture gets copies: a stream that can send, and neither side, which would get each message twice. */
    private static void checkCapture(ZMQStream capture, ZMQStream frontend, ZMQStream backend) {
        if (capture == null) {
            return;
        }
        if (capture == frontend || capture == backend) {
            throw new IllegalArgumentException("The capture " + capture + " is the proxy's "
                    + (capture == frontend ? "frontend" : "backend") + ", which would get every message a second time");
        }
        checkCaptureType(capture.getSocketType());
    }

    /**
     * Checks that a socket type can be a proxy's capture, which sends a copy of every message.
     *
     * @param type the capture's type
     * @throws IllegalArgumentException for a type that cannot send, such as PULL or SUB
     */
    public static void checkCaptureType(SocketType type) {
        if (!SocketDirections.sends(type)) {
            throw new IllegalArgumentException("a " + type + " cannot send the copies a capture gets");
        }
    }

    /** A stream read by two proxies would feed only the one that set its receive callback last. */
    private void claimReading(ZMQStream frontend, ZMQStream backend) {
        synchronized (READERS) {
            for (ZMQStream stream : List.of(frontend, backend)) {
                ZmqProxy other = READERS.get(stream);
                if (other != null) {
                    throw new IllegalArgumentException(stream + " is read by " + other + " already; a stream feeds one proxy");
                }
            }
            READERS.put(frontend, this);
            READERS.put(backend, this);
        }
    }

    private void releaseReading() {
        synchronized (READERS) {
            READERS.remove(forward.source, this);
            READERS.remove(forward.target, this);
        }
    }

    /**
     * Checks that two socket types can form a proxy.
     *
     * @param frontend the frontend's type
     * @param backend the backend's type
     * @throws IllegalArgumentException naming the pairs that work, when these do not
     */
    public static void checkPair(SocketType frontend, SocketType backend) {
        Set<SocketType> backends = PAIRS.get(frontend);
        if (backends == null || !backends.contains(backend)) {
            throw new IllegalArgumentException(frontend + "/" + backend + " cannot form a proxy (frontend/backend); the pairs "
                    + "that can: " + PAIRS_TEXT);
        }
    }

    /** Whether the backend sends something back that the frontend can pass on. */
    private static boolean answers(SocketType frontend, SocketType backend) {
        // An XPUB answers with subscriptions, which only an XSUB frontend can pass upstream.
        return backend == SocketType.DEALER || backend == SocketType.PAIR
                || (backend == SocketType.XPUB && frontend == SocketType.XSUB);
    }

    /** Starts forwarding; does nothing once started. */
    public void start() {
        loop.execute(() -> {
            if (state == State.STOPPED) {
                state = State.RUNNING;
                updateReading();
                log.debug("Proxy {} forwards between {} and {}", name, forward.source, forward.target);
            }
        });
    }

    /** Stops reading both sides; messages wait in ZeroMQ until {@link #resume()}. */
    public void pause() {
        loop.execute(() -> {
            if (state == State.RUNNING) {
                state = State.PAUSED;
                updateReading();
            }
        });
    }

    /** Reads both sides again after {@link #pause()}. */
    public void resume() {
        loop.execute(() -> {
            if (state == State.PAUSED) {
                state = State.RUNNING;
                updateReading();
            }
        });
    }

    /** Stops forwarding for good; the streams stay open, each still owned by whoever made it. */
    @Override
    public void close() {
        loop.execute(() -> {
            state = State.CLOSED;
            updateReading();
            releaseReading();
        });
    }

    private void updateReading() {
        forward.updateReading();
        if (backward != null) {
            backward.updateReading();
        }
    }

    /**
     * The proxy's name.
     *
     * @return the name given at creation
     */
    public String getName() {
        return name;
    }

    /**
     * What the proxy is doing; a state changed from another thread shows once the loop has applied it.
     *
     * @return the state
     */
    public State getState() {
        return state;
    }

    /**
     * Whether one direction stopped reading because the other side's send queue is full.
     *
     * @param direction which way
     * @return {@code true} while it waits
     */
    public boolean isWaiting(ProxyDirection direction) {
        Side side = direction == ProxyDirection.FRONTEND_TO_BACKEND ? forward : backward;
        return side != null && side.waiting;
    }

    /**
     * What the proxy has moved.
     *
     * @return its statistics, live
     */
    public ProxyStatistics getStatistics() {
        return statistics;
    }

    @Override
    public String toString() {
        return "ZmqProxy[" + name + "]";
    }

    /** One direction: reads its source, queues each message on its target, watches the target's queue. */
    private final class Side {

        private final ZMQStream source;
        private final ZMQStream target;
        private final ProxyDirection direction;
        private final int limit;
        private final RecvCallback forwardOne = this::forward;
        private final SendCallback resumeWhenSent = (frames, status) -> resumeReading();
        /** Loop thread only, read by {@link #isWaiting} elsewhere. */
        private volatile boolean waiting;

        Side(ZMQStream source, ZMQStream target, ProxyDirection direction) {
            this.source = source;
            this.target = target;
            this.direction = direction;
            // Never past the target's own capacity, whose policy could refuse a message on the loop thread.
            this.limit = Math.min(queueLimit, target.getSendQueueOptions().capacity());
        }

        private void forward(List<byte[]> frames) {
            long bytes = 0;
            for (byte[] frame : frames) {
                bytes += frame.length;
            }
            boolean full = target.getStatistics().getQueueDepth() + 1 >= limit;
            // Frames fresh from JeroMQ, owned by nobody else: queued without copying.
            target.sendMultipart(frames, 0, false, false, full ? resumeWhenSent : null);
            statistics.recordForwarded(direction, bytes);
            if (capture != null) {
                copyToCapture(direction, frames);
            }
            if (full) {
                waiting = true;
                statistics.recordBackPressureStop();
                updateReading();
            }
        }

        /** The last message queued before the stop has left (or failed): the queue has drained. */
        private void resumeReading() {
            waiting = false;
            updateReading();
        }

        private void updateReading() {
            source.onRecv(state == State.RUNNING && !waiting ? forwardOne : null);
        }
    }

    private void copyToCapture(ProxyDirection direction, List<byte[]> frames) {
        if (capture.getStatistics().getQueueDepth() >= captureLimit) {
            statistics.recordCaptureDrop();
            return;
        }
        capture.sendMultipart(captureDirection ? withDirection(direction, frames) : frames, 0, false, false, null);
    }

    private static List<byte[]> withDirection(ProxyDirection direction, List<byte[]> frames) {
        List<byte[]> copy = new ArrayList<>(frames.size() + 1);
        copy.add(direction.tagBytes());
        copy.addAll(frames);
        return copy;
    }
}
