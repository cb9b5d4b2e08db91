package io.zmqstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs a callback on a loop every period: tornado's {@code PeriodicCallback}.
 *
 * <p>Runs keep to a fixed rate; when the loop falls behind by more than a period, the missed runs
 * are skipped rather than run back to back. {@link #start()} and {@link #stop()} may be called from
 * any thread.
 */
public final class PeriodicCallback {

    private final ZmqIoLoop loop;
    private final Runnable callback;
    private final long periodNanos;
    private Timeout next;

    /**
     * Creates a stopped periodic callback.
     *
     * @param loop the loop to run on
     * @param callback what to run
     * @param period the time between runs, positive
     */
    public PeriodicCallback(ZmqIoLoop loop, Runnable callback, Duration period) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.callback = Objects.requireNonNull(callback, "callback");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The period must be positive, was " + period);
        }
        this.periodNanos = period.toNanos();
    }

    /**
     * Starts running the callback, the first time one period from now; does nothing if running.
     */
    public synchronized void start() {
        if (next == null) {
            scheduleAt(System.nanoTime() + periodNanos);
        }
    }

    /**
     * Stops running the callback; a run already under way finishes.
     */
    public synchronized void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /**
     * Whether the callback is scheduled to run.
     *
     * @return {@code true} between {@link #start()} and {@link #stop()}
     */
    public synchronized boolean isRunning() {
        return next != null;
    }

    private void scheduleAt(long deadlineNanos) {
        next = loop.callAt(deadlineNanos, new Tick(deadlineNanos));
    }

    /** One scheduled run; it reschedules the next before running the callback. */
    private final class Tick implements Runnable {

        private final long deadlineNanos;

        Tick(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public void run() {
            synchronized (PeriodicCallback.this) {
                if (next == null || next.callback() != this) {
                    return;
                }
                long now = System.nanoTime();
                long following = deadlineNanos + periodNanos;
                if (following - now <= 0) {
                    following = now + periodNanos - (now - deadlineNanos) % periodNanos;
                }
                scheduleAt(following);
            }
            loop.runGuarded(callback, "periodic callback");
        }
    }
}
