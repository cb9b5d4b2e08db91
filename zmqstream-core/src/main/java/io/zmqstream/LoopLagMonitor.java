package io.zmqstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Measures how late a {@link ZmqIoLoop} runs its timers, the way event-loop lag is measured: a
 * probe is scheduled every interval, and the lag is how much later than asked it ran. While the
 * loop is held up (a callback that blocks, or more work than it can do), the probe that is overdue
 * makes the lag grow, so a stuck loop shows a lag that keeps rising. Costs one timer per interval.
 *
 * <p>Thread-safe: {@link #getLag()} may be read from any thread.
 */
public final class LoopLagMonitor {

    private final ZmqIoLoop loop;
    private final long intervalNanos;
    private final Runnable probe = this::probe;
    private volatile long lastLagNanos;
    /** When the probe is due; written by the loop thread. */
    private volatile long dueNanos;
    /** Set by the loop thread once the first probe is scheduled. */
    private volatile boolean started;

    /**
     * Creates a monitor; {@link #start()} schedules its first probe.
     *
     * @param loop the loop to watch
     * @param interval how often to probe, more than zero
     */
    public LoopLagMonitor(ZmqIoLoop loop, Duration interval) {
        this.loop = Objects.requireNonNull(loop, "loop");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The lag probe interval must be more than zero, was " + interval);
        }
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Schedules the first probe once the loop runs its queued tasks, so that the time before the
     * loop starts does not count as lag; starting twice does nothing more.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the loop is closed
     */
    public void start() {
        loop.execute(this::begin);
    }

    private void begin() {
        if (!started) {
            schedule(System.nanoTime());
            started = true;
        }
    }

    /**
     * How late the loop runs its timers: the lateness of the last probe, or, when the next probe
     * is already overdue, how overdue it is.
     *
     * @return the lag; zero until the first probe is scheduled
     */
    public Duration getLag() {
        if (!started) {
            return Duration.ZERO;
        }
        long overdue = System.nanoTime() - dueNanos;
        return Duration.ofNanos(Math.max(lastLagNanos, overdue));
    }

    /**
     * How often the probe runs.
     *
     * @return the interval
     */
    public Duration getInterval() {
        return Duration.ofNanos(intervalNanos);
    }

    private void probe() {
        long now = System.nanoTime();
        lastLagNanos = Math.max(0, now - dueNanos);
        schedule(now);
    }

    private void schedule(long now) {
        dueNanos = now + intervalNanos;
        loop.callAt(dueNanos, probe);
    }
}
