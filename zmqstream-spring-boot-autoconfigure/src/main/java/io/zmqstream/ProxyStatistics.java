package io.zmqstream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a {@link ZmqProxy} has moved: messages and bytes each way, copies the capture stream could
 * not take, and how often a side stopped reading because the other could not take more. Written by
 * the loop thread only, readable from any thread.
 */
public final class ProxyStatistics {

    private final AtomicLong frontendToBackendMessages = new AtomicLong();
    private final AtomicLong frontendToBackendBytes = new AtomicLong();
    private final AtomicLong backendToFrontendMessages = new AtomicLong();
    private final AtomicLong backendToFrontendBytes = new AtomicLong();
    private final AtomicLong captureDrops = new AtomicLong();
    private final AtomicLong backPressureStops = new AtomicLong();

    ProxyStatistics() {
    }

    void recordForwarded(ProxyDirection direction, long bytes) {
        if (direction == ProxyDirection.FRONTEND_TO_BACKEND) {
            addBySoleWriter(frontendToBackendMessages, 1);
            addBySoleWriter(frontendToBackendBytes, bytes);
        }
        else {
            addBySoleWriter(backendToFrontendMessages, 1);
            addBySoleWriter(backendToFrontendBytes, bytes);
        }
    }

    void recordCaptureDrop() {
        addBySoleWriter(captureDrops, 1);
    }

    void recordBackPressureStop() {
        addBySoleWriter(backPressureStops, 1);
    }

    private static void addBySoleWriter(AtomicLong counter, long delta) {
        // One writer, the loop thread: an ordered store publishes the sum without a locked instruction.
        counter.lazySet(counter.get() + delta);
    }

    /**
     * Whole messages forwarded one way.
     *
     * @param direction which way
     * @return the count
     */
    public long getMessages(ProxyDirection direction) {
        return (direction == ProxyDirection.FRONTEND_TO_BACKEND ? frontendToBackendMessages
                : backendToFrontendMessages).get();
    }

    /**
     * Bytes of the frames forwarded one way.
     *
     * @param direction which way
     * @return the count
     */
    public long getBytes(ProxyDirection direction) {
        return (direction == ProxyDirection.FRONTEND_TO_BACKEND ? frontendToBackendBytes : backendToFrontendBytes).get();
    }

    /**
     * Copies of messages the capture stream could not take because its queue was full; the
     * messages themselves were forwarded.
     *
     * @return the count
     */
    public long getCaptureDrops() {
        return captureDrops.get();
    }

    /**
     * How often a side stopped reading because the other side's queue was full.
     *
     * @return the count
     */
    public long getBackPressureStops() {
        return backPressureStops.get();
    }
}
