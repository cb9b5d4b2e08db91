package io.zmqstream;

/**
 * A callback scheduled on a {@link ZmqIoLoop} by {@link ZmqIoLoop#callLater}; tornado's timeout handle.
 */
public final class Timeout implements Comparable<Timeout> {

    final long deadlineNanos;
    private final long sequence;
    private final Runnable callback;
    private volatile boolean cancelled;

    Timeout(long deadlineNanos, long sequence, Runnable callback) {
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
        this.callback = callback;
    }

    /**
     * Cancels the callback if it has not run yet; thread-safe and idempotent.
     */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return {@code true} once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
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
