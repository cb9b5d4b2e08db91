package io.zmqstream;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A callback scheduled on a {@link ZmqIoLoop} by {@link ZmqIoLoop#callLater}; tornado's timeout handle.
 */
public final class Timeout implements Comparable<Timeout> {

    private static final int PENDING = 0;
    private static final int CANCELLED = 1;
    private static final int FIRED = 2;
    private static final AtomicIntegerFieldUpdater<Timeout> STATE =
            AtomicIntegerFieldUpdater.newUpdater(Timeout.class, "state");

    final long deadlineNanos;
    private final long sequence;
    private final Runnable callback;
    private final TimerQueue queue;
    private volatile int state = PENDING;

    Timeout(long deadlineNanos, long sequence, Runnable callback, TimerQueue queue) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.callback = callback;
        this.queue = queue;
    }

    /**
     * Cancels the callback if it has not run yet; thread-safe and idempotent. The loop lets go of a
     * cancelled timeout long before its deadline when cancelled ones pile up.
     */
    public void cancel() {
        if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
            queue.cancelled();
        }
    }

    /**
     * Whether {@link #cancel()} was called before the callback ran.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return state == CANCELLED;
    }

    /** Marks the timeout as run; {@code false} when it was cancelled first. */
    boolean fire() {
        return STATE.compareAndSet(this, PENDING, FIRED);
    }

    Runnable callback() {
        return callback;
    }

    @Override
    public int compareTo(Timeout other) {
        int byDeadline = Long.compare(deadlineNanos - other.deadlineNanos, 0);
        return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
}
