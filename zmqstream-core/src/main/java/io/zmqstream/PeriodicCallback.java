package io.zmqstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs a callback on a loop every period: tornado's {@code PeriodicCallback}.
 *
 * <p>Runs keep to a fixed rate; when the loop falls behind by more than a period, the missed runs
 * are skipped rather than run back to back. {@link #withFixedDelay} makes one whose period is
 * counted from the end of each run instead. {@link #start()} and {@link #stop()} may be called from
 * any thread.
 */
public final class PeriodicCallback {

    private final ZmqIoLoop loop;
    private final Runnable callback;
    private final long periodNanos;
    private final boolean fixedDelay;
    private Timeout next;

    /**
     * Creates a stopped periodic callback.
     *
     * @param loop the loop to run on
     * @param callback what to run
     * @param period the time between runs, positive
     */
    public PeriodicCallback(ZmqIoLoop loop, Runnable callback, Duration period) {
        this(loop, callback, period, false);
    }

    private PeriodicCallback(ZmqIoLoop loop, Runnable callback, Duration period, boolean fixedDelay) {
        this.fixedDelay = fixedDelay;
        this.loop = Objects.requireNonNull(loop, "loop");
        this.callback = Objects.requireNonNull(callback, "callback");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("The period must be positive, was " + period);
        }
        this.periodNanos = period.toNanos();
    }

    /**
     * Creates a stopped periodic callback whose runs are {@code delay} apart, from the end of one
     * to the start of the next, however long each takes.
     *
     * @param loop the loop to run on
     * @param callback what to run
     * @param delay the time between the end of a run and the next, positive
     * @return the periodic callback
     */
    public static PeriodicCallback withFixedDelay(ZmqIoLoop loop, Runnable callback, Duration delay) {
        return new PeriodicCallback(loop, callback, delay, true);
    }

    /**
     * Starts running the callback, the first time one period from now; does nothing if running.
     */
    public void start() {
        start(Duration.ofNanos(periodNanos));
    }

    /**
     * Starts running the callback, the first time after {@code initialDelay}; does nothing if running.
     *
     * @param initialDelay the time until the first run, zero or more
     */
    public synchronized void start(Duration initialDelay) {
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException("The initial delay must not be negative, was " + initialDelay);
        }
        if (next == null) {
            scheduleAt(System.nanoTime() + initialDelay.toNanos());
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
                if (!fixedDelay) {
                    scheduleAt(nextRate(System.nanoTime()));
                }
            }
            loop.runGuarded(callback, "periodic callback");
            if (fixedDelay) {
                synchronized (PeriodicCallback.this) {
                    // Stopped during the run, or stopped and started again: the schedule is no longer this one's.
                    if (next != null && next.callback() == this) {
                        scheduleAt(System.nanoTime() + periodNanos);
                    }
                }
            }
        }

        /** The next deadline at the fixed rate, the runs missed by a late loop skipped. */
        private long nextRate(long now) {
            long following = deadlineNanos + periodNanos;
            if (following - now <= 0) {
                following = now + periodNanos - (now - deadlineNanos) % periodNanos;
            }
            return following;
        }
    }
}
