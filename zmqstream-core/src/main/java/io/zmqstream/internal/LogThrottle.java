package io.zmqstream.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a log line through at most once per interval, from any number of threads: the first caller
 * of each interval is told to log at its level, the others to log lower. The first call always
 * passes.
 */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong lastPassedNanos;

    /**
     * Creates a gate.
     *
     * @param interval the least time between two lines let through
     */
    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.lastPassedNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /**
     * Whether this call may log: no other has passed within the interval.
     *
     * @return {@code true} for the first call of an interval
     */
    public boolean pass() {
        long now = System.nanoTime();
        long last = lastPassedNanos.get();
        return now - last >= intervalNanos && lastPassedNanos.compareAndSet(last, now);
    }
}
