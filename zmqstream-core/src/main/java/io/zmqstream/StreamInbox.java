package io.zmqstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.Msg;
import zmq.ZError;

/**
 * A stream's receive side: the receive callback and its in-flight limit, and the reading of whole
 * messages from the socket, on the thread that owns it. Two drivers read: a loop turn in which the
 * socket has input ({@link #receiveTurn(int, boolean)}) and a {@code flush} ({@link #receiveForFlush()}).
 */
final class StreamInbox {

    private final ZMQStream stream;
    /** Replaced only by {@link #replaceSocket}, on the socket's owner. */
    private ZMQ.Socket socket;
    private final ZmqIoLoop loop;
    private final SocketType socketType;
    private final StreamStatistics statistics;
    /** Asks the stream to reconcile what the loop watches, from any thread. */
    private final Runnable interestChanged;
    private volatile Delivery delivery;
    private volatile int asyncLimit = Integer.MAX_VALUE;

    // Owned by the thread that owns the socket.
    private final List<Msg> parts = new ArrayList<>();
    private int asyncInFlight;

    StreamInbox(ZMQStream stream, ZMQ.Socket socket, StreamStatistics statistics, Runnable interestChanged) {
        this.stream = stream;
        this.socket = socket;
        this.loop = stream.getIoLoop();
        this.socketType = socket.getSocketType();
        this.statistics = statistics;
        this.interestChanged = interestChanged;
    }

    /** Replaces the receive callback with one of no in-flight limit; {@code null} stops receiving. Any thread. */
    void setDelivery(Delivery newDelivery) {
        setDelivery(newDelivery, Integer.MAX_VALUE);
    }

    /**
     * Replaces the receive callback; {@code null} stops receiving. {@code maxInFlight}, at least 1,
     * bounds its incomplete stages. Any thread.
     */
    void setDelivery(Delivery newDelivery, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
        }
        this.asyncLimit = maxInFlight;
        this.delivery = newDelivery;
        interestChanged.run();
    }

    boolean hasDelivery() {
        return delivery != null;
    }

    /** Whether the stream may take a message now: a callback, room in flight, and no close begun. */
    boolean wantsInput(boolean closing) {
        return activeDelivery(closing) != null;
    }

    /** Reads from a new socket from now on; on the socket's owner. */
    void replaceSocket(ZMQ.Socket fresh) {
        socket = fresh;
    }

    /** Receives up to {@code budget} messages, the socket having reported input. */
    void receiveTurn(int budget, boolean closing) {
        for (int i = 0; i < budget; i++) {
            Delivery target = activeDelivery(closing);
            if (target == null || !receiveOne(target)) {
                return;
            }
        }
    }

    /** Receives one message for a flush, to the callback or, with none, to nowhere. */
    boolean receiveForFlush() {
        return asyncInFlight < asyncLimit && receiveOne(delivery);
    }

    /** Counts an asynchronous callback's stage as in flight until it completes. */
    void track(CompletionStage<?> stage) {
        if (stage == null) {
            return;
        }
        asyncInFlight++;
        stage.whenComplete((result, failure) -> loop.queueLoopTask(() -> asyncCompleted(failure)));
    }

    private void asyncCompleted(Throwable failure) {
        asyncInFlight--;
        if (failure != null) {
            stream.callbackFailed("asynchronous receive callback",
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure);
        }
        interestChanged.run();
    }

    private Delivery activeDelivery(boolean closing) {
        return closing || asyncInFlight >= asyncLimit ? null : delivery;
    }

    /**
     * Receives one message without blocking and hands it to {@code target}; with no target (a
     * flush without receive callback) the message is discarded.
     *
     * @return {@code true} when a message was received
     */
    private boolean receiveOne(Delivery target) {
        Msg part = receiveFirstPart();
        if (part == null) {
            return false;
        }
        parts.clear();
        long bytes = 0;
        while (true) {
            parts.add(part);
            bytes += part.size();
            if (!part.hasMore()) {
                break;
            }
            // ZeroMQ delivers a message's parts together: the rest is already here.
            part = socket.recvMsg(ZMQ.DONTWAIT);
        }
        statistics.recordReceived(bytes);
        if (target != null) {
            try {
                target.deliver(stream, parts);
            }
            catch (Throwable ex) {
                stream.callbackFailed("receive callback", ex);
            }
        }
        return true;
    }

    /** The first part of the next message, or {@code null} when none can be received now. */
    private Msg receiveFirstPart() {
        if (socketType == SocketType.REP && (socket.getEvents() & ZMQ.Poller.POLLIN) == 0) {
            // A REP that owes a reply must not be asked: JeroMQ 0.6.0's flags EFSM but reads the
            // next request anyway, putting its envelope into the pending reply. Its events say
            // whether it may receive, whoever sends the reply.
            return null;
        }
        try {
            return socket.recvMsg(ZMQ.DONTWAIT);
        }
        catch (ZMQException ex) {
            if (ex.getErrorCode() == ZError.EFSM) {
                // REQ that has its reply: nothing to receive until it sends the next request.
                return null;
            }
            throw ex;
        }
    }

    /** A message's parts as copied bytes, for the callbacks that take {@code byte[]} frames. */
    static List<byte[]> copies(List<Msg> frames) {
        if (frames.size() == 1) {
            return List.of(frames.get(0).data());
        }
        byte[][] data = new byte[frames.size()][];
        for (int i = 0; i < data.length; i++) {
            data[i] = frames.get(i).data();
        }
        return List.of(data);
    }

    /** A message's parts as JeroMQ's own, without copying. */
    static List<Frame> wrap(List<Msg> frames) {
        if (frames.size() == 1) {
            return List.of(new Frame(frames.get(0)));
        }
        Frame[] wrapped = new Frame[frames.size()];
        for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] = new Frame(frames.get(i));
        }
        return List.of(wrapped);
    }

    /** Hands one received message, as JeroMQ parts, to whichever callback is registered. */
    @FunctionalInterface
    interface Delivery {
        void deliver(ZMQStream stream, List<Msg> frames) throws Exception;
    }
}
