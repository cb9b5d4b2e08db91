package io.zmqstream.proxy;

import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.internal.SoleWriter;

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
            SoleWriter.add(frontendToBackendMessages, 1);
            SoleWriter.add(frontendToBackendBytes, bytes);
        }
        else {
            SoleWriter.add(backendToFrontendMessages, 1);
            SoleWriter.add(backendToFrontendBytes, bytes);
        }
    }

    void recordCaptureDrop() {
        SoleWriter.add(captureDrops, 1);
    }

    void recordBackPressureStop() {
        SoleWriter.add(backPressureStops, 1);
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
