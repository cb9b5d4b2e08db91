package io.zmqstream.request;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.zmqstream.OverflowPolicy;
import io.zmqstream.ZMQStream;

/**
 * The bound on a requester's requests in flight: a caller takes a permit before its request goes to
 * the loop, and the loop gives it back when the request ends. A full bound follows the stream's
 * overflow policy: {@code BLOCK} waits up to the block timeout (never on the loop thread), the
 * others refuse at once.
 */
final class RequestPermits {

    private final Semaphore permits;
    private final int maxInFlight;
    private final ZMQStream stream;

    RequestPermits(int maxInFlight, ZMQStream stream) {
        this.permits = new Semaphore(maxInFlight);
        this.maxInFlight = maxInFlight;
        this.stream = stream;
    }

    /**
     * Takes a permit, waiting as the stream's overflow policy allows.
     *
     * @param streamName the stream's name, for the refusal
     * @return {@code null} when taken, else why not
     */
    String acquire(String streamName) {
        if (permits.tryAcquire()) {
            return null;
        }
        OverflowPolicy policy = stream.getSendQueueOptions().overflowPolicy();
        Duration wait = stream.getSendQueueOptions().blockTimeout();
        if (policy == OverflowPolicy.BLOCK && !stream.getIoLoop().inLoopThread()) {
            try {
                if (permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return null;
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for one of the " + maxInFlight + " requests in flight on "
                        + "stream '" + streamName + "' to end";
            }
            return maxInFlight + " requests in flight on stream '" + streamName + "', and none ended "
                    + "within " + wait.toMillis() + " ms";
        }
        return maxInFlight + " requests in flight on stream '" + streamName + "' (overflow policy "
                + policy + (policy == OverflowPolicy.BLOCK ? ", and the loop thread cannot wait" : "") + ")";
    }

    /** Gives a permit back: its request ended, or never reached the loop. */
    void release() {
        permits.release();
    }
}
