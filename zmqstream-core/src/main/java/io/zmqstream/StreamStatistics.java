package io.zmqstream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntSupplier;

import io.zmqstream.internal.SoleWriter;
import org.zeromq.ZMonitor;

/**
 * Counters kept by a stream for metrics: messages and bytes each way, send failures by reason,
 * callback errors, the send queue's depth, the peers refused for what they sent and, while the
 * stream watches its connections, its handshaken peers, connection events by type and healed
 * handshakes.
 *
 * <p>The hot path takes no lock: the counters the loop thread writes have that one writer and are
 * published with ordered stores; readers on any thread see recent values.
 */
public final class StreamStatistics {

    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong messagesReceived = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong callbackErrors = new AtomicLong();
    private final AtomicLong droppedOnClose = new AtomicLong();
    private final AtomicLong socketErrors = new AtomicLong();
    private final AtomicLong invalidState = new AtomicLong();
    private final AtomicLongArray connectionEvents = new AtomicLongArray(ZMonitor.Event.values().length);
    private final AtomicLong handshakesHealed = new AtomicLong();
    private final AtomicLong oversizePeers = new AtomicLong();
    private volatile int handshakenPeers;
    // Written by sending threads, not only the loop thread.
    private final AtomicLong queueFull = new AtomicLong();
    // Written by JeroMQ's I/O threads.
    private final AtomicLong invalidFrames = new AtomicLong();
    private final IntSupplier queueDepth;

    StreamStatistics(IntSupplier queueDepth) {
        this.queueDepth = queueDepth;
    }

    void recordSent(long bytes) {
        SoleWriter.add(messagesSent, 1);
        SoleWriter.add(bytesSent, bytes);
    }

    void recordReceived(long bytes) {
        SoleWriter.add(messagesReceived, 1);
        SoleWriter.add(bytesReceived, bytes);
    }

    void recordCallbackError() {
        SoleWriter.add(callbackErrors, 1);
    }

    void recordSendFailure(SendFailure.Reason reason) {
        switch (reason) {
            case QUEUE_FULL -> queueFull.incrementAndGet();
            case DROPPED_ON_CLOSE -> SoleWriter.add(droppedOnClose, 1);
            case SOCKET_ERROR -> SoleWriter.add(socketErrors, 1);
            case INVALID_STATE -> SoleWriter.add(invalidState, 1);
        }
    }

    void recordConnectionEvent(ZMonitor.Event event, int handshakenPeersNow) {
        int index = event.ordinal();
        connectionEvents.lazySet(index, connectionEvents.get(index) + 1);
        recordHandshakenPeers(handshakenPeersNow);
    }

    void recordHandshakenPeers(int handshakenPeersNow) {
        handshakenPeers = handshakenPeersNow;
    }

    void recordHandshakeHealed() {
        SoleWriter.add(handshakesHealed, 1);
    }

    void recordOversizePeer() {
        SoleWriter.add(oversizePeers, 1);
    }

    void recordInvalidFrame() {
        invalidFrames.incrementAndGet();
    }

    /**
     * Messages the socket accepted.
     *
     * @return the count since the stream was created
     */
    public long getMessagesSent() {
        return messagesSent.get();
    }

    /**
     * Bytes (all frames) of the messages the socket accepted.
     *
     * @return the count since the stream was created
     */
    public long getBytesSent() {
        return bytesSent.get();
    }

    /**
     * Messages received from the socket, whether delivered to a callback or discarded by a flush.
     *
     * @return the count since the stream was created
     */
    public long getMessagesReceived() {
        return messagesReceived.get();
    }

    /**
     * Bytes (all frames) of the messages received.
     *
     * @return the count since the stream was created
     */
    public long getBytesReceived() {
        return bytesReceived.get();
    }

    /**
     * Exceptions thrown by callbacks, and failed stages of asynchronous receive callbacks.
     *
     * @return the count since the stream was created
     */
    public long getCallbackErrors() {
        return callbackErrors.get();
    }

    /**
     * Messages that were not sent, for one reason.
     *
     * @param reason the kind of failure
     * @return the count since the stream was created
     */
    public long getSendFailures(SendFailure.Reason reason) {
        return switch (reason) {
            case QUEUE_FULL -> queueFull.get();
            case DROPPED_ON_CLOSE -> droppedOnClose.get();
            case SOCKET_ERROR -> socketErrors.get();
            case INVALID_STATE -> invalidState.get();
        };
    }

    /**
     * Messages that were not sent, for any reason.
     *
     * @return the count since the stream was created
     */
    public long getSendFailures() {
        return queueFull.get() + droppedOnClose.get() + socketErrors.get() + invalidState.get();
    }

    /**
     * Messages waiting in the send queue now.
     *
     * @return the queue's depth
     */
    public int getQueueDepth() {
        return queueDepth.getAsInt();
    }

    /**
     * Connection events of one type seen by the stream's connection monitor.
     *
     * @param event the type
     * @return the count since the stream began watching its connections
     */
    public long getConnectionEvents(ZMonitor.Event event) {
        return connectionEvents.get(event.ordinal());
    }

    /**
     * Connections JeroMQ left stalled in their handshake that the stream healed.
     *
     * @return the count since the stream began watching its connections
     */
    public long getHandshakesHealed() {
        return handshakesHealed.get();
    }

    /**
     * Peers whose handshake is done and whose connection is open, all endpoints together.
     *
     * @return the number now; 0 when the stream does not watch its connections
     */
    public int getHandshakenPeers() {
        return handshakenPeers;
    }

    /**
     * Connections that JeroMQ closed because the peer announced a message over the socket's
     * {@code ZMQ_MAXMSGSIZE}.
     *
     * @return the count since the stream began watching its connections
     */
    public long getOversizePeers() {
        return oversizePeers.get();
    }

    /**
     * Frames a peer announced with a length that cannot be valid, dropped before any allocation
     * (see {@code FrameLengthGuard}).
     *
     * @return the count since the stream was created
     */
    public long getInvalidFrames() {
        return invalidFrames.get();
    }
}
