package io.zmqstream;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.ZError;

/**
 * A stream's send path in one place: the send queue that any thread fills, handing its messages to
 * the socket on the thread that owns it, the send callbacks, the reporting of every message that
 * fails, and the linger that bounds a close. Netty keeps the same concern in its
 * {@code ChannelOutboundBuffer}.
 *
 * <p>Three drivers take messages out, all on the owner of the socket: a loop turn in which the
 * socket has room ({@link #sendQueued(int)}), a {@code flush} ({@link #sendOne()}), and a close
 * ({@link #drainForClose(int, Runnable)}, then {@link #release()} for what the linger did not send).
 */
final class StreamOutbox {

    private static final Logger log = LoggerFactory.getLogger(StreamOutbox.class);

    private final ZMQStream stream;
    /** Replaced only by {@link #replaceSocket}, on the socket's owner. */
    private ZMQ.Socket socket;
    private final ZmqIoLoop loop;
    private final SocketType socketType;
    private final StreamStatistics statistics;
    private final SendQueue queue;
    /** Whether the socket type can send at all: a PULL's or SUB's send is refused where it is made. */
    private final boolean sends;
    /** Asks the stream to watch the socket for room, from any thread. */
    private final Runnable wantsOutput;
    private volatile SendStreamCallback streamCallback;
    private volatile SendDecorator decorator;
    /** Set before the final drain, so a racing sender can tell its message missed it. */
    private volatile boolean released;

    // Owned by the thread that owns the socket.
    private long lingerDeadlineNanos;
    private boolean lingerForever;
    private Timeout lingerTimer;

    StreamOutbox(ZMQStream stream, ZMQ.Socket socket, SendQueue queue, StreamStatistics statistics,
            Runnable wantsOutput) {
        this.stream = stream;
        this.socket = socket;
        this.loop = stream.getIoLoop();
        this.socketType = socket.getSocketType();
        this.statistics = statistics;
        this.queue = queue;
        this.sends = SocketDirections.sends(socketType);
        this.wantsOutput = wantsOutput;
    }

    // ---- any thread ----

    /** Queues a message for the socket, as the queue's overflow policy allows; any thread. */
    void enqueue(OutboundMessage message) {
        enqueueAsIs(decorated(message));
    }

    /** Queues a message without the decorator's frame: its sender took that frame itself. */
    void enqueueAsIs(OutboundMessage message) {
        if (!sends) {
            throw new UnsupportedOperationException(stream + " cannot send: a " + socketType + " socket only receives");
        }
        boolean queued;
        try {
            // The owner of the sockets frees room itself: it must never wait for it.
            queued = queue.offer(message, !loop.ownsSockets());
        }
        catch (SendQueueFullException ex) {
            statistics.recordSendFailure(SendFailure.Reason.QUEUE_FULL);
            throw ex;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for room in the send queue of " + stream, ex);
        }
        if (!queued) {
            statistics.recordSendFailure(SendFailure.Reason.QUEUE_FULL);
            if (hasSendCallback(message)) {
                loop.runOnLoop(() -> notifySent(message, failure(message, SendFailure.Reason.QUEUE_FULL, null)));
            }
            return;
        }
        if (released && queue.withdraw(message)) {
            throw new IllegalStateException(stream + " is closed");
        }
        wantsOutput.run();
    }

    /** The message with its decorator's frame, when the stream has a decorator and the message ends here. */
    private OutboundMessage decorated(OutboundMessage message) {
        SendDecorator current = decorator;
        if (current == null || message.moreFollows()) {
            return message;
        }
        byte[] frame = current.trailingFrame(stream);
        return frame == null ? message : message.withTrailingFrame(frame);
    }

    /** The decorator's frame for a message sent now, or {@code null}. */
    byte[] decoration() {
        SendDecorator current = decorator;
        return current == null ? null : current.trailingFrame(stream);
    }

    void setDecorator(SendDecorator decorator) {
        this.decorator = decorator;
    }

    void setStreamCallback(SendStreamCallback callback) {
        this.streamCallback = callback;
    }

    SendQueueOptions options() {
        return queue.options();
    }

    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Refuses every message from now on. */
    void close() {
        queue.close();
    }

    boolean isClosed() {
        return queue.isClosed();
    }

    /** Whether {@link #release()} ran: the stream has let go of its socket. */
    boolean isReleased() {
        return released;
    }

    // ---- the owner of the socket ----

    /**
     * Sends to a new socket from now on: the queue stays, and a message the old socket had taken
     * part of starts over on the new one.
     */
    void replaceSocket(ZMQ.Socket fresh) {
        socket = fresh;
        OutboundMessage head = queue.peek();
        if (head != null) {
            head.restart();
        }
    }

    /**
     * Sends the oldest queued message if the socket takes it now.
     *
     * @return {@code true} when a message left the queue, sent or failed
     */
    boolean sendOne() {
        OutboundMessage message = queue.peek();
        if (message == null) {
            return false;
        }
        try {
            if (!message.sendTo(socket)) {
                return false;
            }
        }
        catch (ZMQException ex) {
            if (ex.getErrorCode() == ZError.ETERM) {
                throw ex;
            }
            if (ex.getErrorCode() == ZError.EFSM && !message.isStarted()) {
                if (socketType != SocketType.REP) {
                    // A REQ awaiting its reply: the next request waits for its turn.
                    return false;
                }
                // A REP that owes no reply: held back, the message would answer the next,
                // unrelated request, so it fails now, as pyzmq drops it.
                queue.poll();
                log.warn("{} refused a message: a REP sends one reply per request, and no request awaits one",
                        stream);
                reportFailure(message, SendFailure.Reason.INVALID_STATE, ex);
                return true;
            }
            queue.poll();
            log.warn("{} could not send a message: {} (error {})", stream, ex.getMessage(), ex.getErrorCode());
            reportFailure(message, SendFailure.Reason.SOCKET_ERROR, ex);
            return true;
        }
        catch (RuntimeException ex) {
            // JeroMQ answers some refusals with an exception of its own (an UnsupportedOperationException
            // where the socket type cannot send): the message fails, the queue and a close go on.
            queue.poll();
            log.warn("{} could not send a message: {}", stream, ex.toString());
            reportFailure(message, SendFailure.Reason.SOCKET_ERROR, ex);
            return true;
        }
        queue.poll();
        statistics.recordSent(message.bytes);
        notifySent(message, MessageTracker.sent(message.copied));
        return true;
    }

    /** Sends up to {@code budget} queued messages, the socket having reported room. */
    void sendQueued(int budget) {
        int sent = 0;
        while (sent < budget && sendOne()) {
            sent++;
        }
        if (sent == 0 && !queue.isEmpty() && (socket.getEvents() & ZMQ.Poller.POLLOUT) != 0) {
            // Room reported, yet not one message taken: JeroMQ's ROUTER reports room at all times
            // and, with ZMQ_ROUTER_MANDATORY, refuses a message to a peer whose pipe is full. Any
            // other socket that refuses stops reporting room until its descriptor signals some, or
            // got room back this very moment, and then takes the next turn's messages.
            loop.deferOutput(socket);
        }
        queue.announceRoom();
    }

    /** Wakes the producers waiting for room, once the owner has taken messages out. */
    void announceRoom() {
        queue.announceRoom();
    }

    /**
     * Starts a close's linger: hands the socket everything it takes now, and says when the rest must
     * have gone.
     *
     * @param lingerMillis the linger; negative for no time limit
     * @param finish what closes the stream once the linger has run out
     * @return {@code true} when messages remain to send within the linger
     */
    boolean drainForClose(int lingerMillis, Runnable finish) {
        lingerForever = lingerMillis < 0;
        lingerDeadlineNanos = System.nanoTime() + Math.max(lingerMillis, 0) * 1_000_000L;
        while (sendOne()) {
            // Hand the socket everything it takes now; the rest waits for room within the linger.
        }
        queue.announceRoom();
        if (queue.isEmpty() || lingerMillis == 0 || !loop.inLoopThread()) {
            return false;
        }
        if (!lingerForever) {
            lingerTimer = loop.callLater(Duration.ofMillis(lingerMillis), finish);
        }
        return true;
    }

    /** What is left of the linger, for the socket's own: -1 for no limit. */
    int remainingLingerMillis() {
        if (lingerForever) {
            return -1;
        }
        long remaining = lingerDeadlineNanos - System.nanoTime();
        return remaining <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, remaining / 1_000_000L);
    }

    /**
     * Stops the send path for good: racing senders from now on see their message refused, the linger
     * timer stops, and every message still queued is reported as dropped.
     *
     * @return how many were dropped
     */
    int release() {
        released = true;
        if (lingerTimer != null) {
            lingerTimer.cancel();
        }
        return failQueued();
    }

    private int failQueued() {
        int count = 0;
        OutboundMessage message;
        while ((message = queue.poll()) != null) {
            reportFailure(message, SendFailure.Reason.DROPPED_ON_CLOSE, null);
            count++;
        }
        queue.announceRoom();
        return count;
    }

    private void reportFailure(OutboundMessage message, SendFailure.Reason reason, Throwable cause) {
        statistics.recordSendFailure(reason);
        notifySent(message, failure(message, reason, cause));
    }

    private static MessageTracker failure(OutboundMessage message, SendFailure.Reason reason, Throwable cause) {
        return MessageTracker.failed(message.copied, new SendFailure(reason, cause));
    }

    /** Whether a send callback, the message's own or the stream's, waits to hear of the message. */
    private boolean hasSendCallback(OutboundMessage message) {
        return message.callback != null || streamCallback != null;
    }

    private void notifySent(OutboundMessage message, MessageTracker status) {
        if (!hasSendCallback(message)) {
            return;
        }
        SendStreamCallback onSend = streamCallback;
        List<?> frames = message.frames();
        if (message.callback != null) {
            try {
                message.callback.onSend(frames, status);
            }
            catch (Throwable ex) {
                stream.callbackFailed("send callback", ex);
            }
        }
        if (onSend != null) {
            try {
                onSend.onSend(stream, frames, status);
            }
            catch (Throwable ex) {
                stream.callbackFailed("onSend callback", ex);
            }
        }
    }
}
