package io.zmqstream.request;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import io.zmqstream.internal.SoleWriter;

/**
 * Counters of a {@link ZmqRequester}, for metrics and the actuator: requests made, and how they
 * ended; resends; replies that came for no waiting request (late, after their request gave up, or
 * not shaped as replies); the requests waiting now. The loop thread writes all but the rejections
 * with ordered stores; readers on any thread see recent values.
 */
public final class RequestStatistics {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong lateReplies = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    // Written by calling threads too.
    private final AtomicLong rejected = new AtomicLong();
    private final IntSupplier pending;

    RequestStatistics(IntSupplier pending) {
        this.pending = pending;
    }

    void recordRequest() {
        requests.incrementAndGet();
    }

    void record(RequestOutcome outcome) {
        switch (outcome) {
            case REPLY -> SoleWriter.add(replies, 1);
            case TIMEOUT -> SoleWriter.add(timeouts, 1);
            case CLOSED -> SoleWriter.add(closed, 1);
            case REJECTED -> rejected.incrementAndGet();
        }
    }

    void recordRetry() {
        SoleWriter.add(retries, 1);
    }

    void recordLateReply() {
        SoleWriter.add(lateReplies, 1);
    }

    /**
     * Requests made, rejected ones included.
     *
     * @return the count
     */
    public long getRequests() {
        return requests.get();
    }

    /**
     * Requests that got their reply.
     *
     * @return the count
     */
    public long getReplies() {
        return replies.get();
    }

    /**
     * Requests that failed with {@link ZmqRequestTimeoutException}.
     *
     * @return the count
     */
    public long getTimeouts() {
        return timeouts.get();
    }

    /**
     * Resends after a timed-out attempt.
     *
     * @return the count
     */
    public long getRetries() {
        return retries.get();
    }

    /**
     * Replies that no waiting request took, dropped.
     *
     * @return the count
     */
    public long getLateReplies() {
        return lateReplies.get();
    }

    /**
     * Requests that failed with {@link ZmqRequestRejectedException}.
     *
     * @return the count
     */
    public long getRejected() {
        return rejected.get();
    }

    /**
     * Requests that failed with {@link ZmqRequesterClosedException}.
     *
     * @return the count
     */
    public long getClosed() {
        return closed.get();
    }

    /**
     * Requests waiting for their replies now, those queued behind a REQ's one in flight included.
     *
     * @return the count
     */
    public int getPending() {
        return pending.getAsInt();
    }
}
