package io.zmqstream;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A loop's timers in deadline order; ties run in the order they were scheduled. Timeouts may be
 * created on any thread; the queue itself belongs to the loop thread.
 */
final class TimerQueue {

    private final PriorityQueue<Timeout> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    Timeout newTimeout(long deadlineNanos, Runnable callback) {
        return new Timeout(deadlineNanos, sequence.incrementAndGet(), callback);
    }

    void add(Timeout timeout) {
        timers.add(timeout);
    }

    /** Runs, through {@code runner}, every live timer due at {@code nowNanos}. */
    void runDue(long nowNanos, Consumer<Runnable> runner) {
        Timeout next;
        while ((next = timers.peek()) != null && next.deadlineNanos - nowNanos <= 0) {
            timers.poll();
            if (!next.isCancelled()) {
                runner.accept(next.callback());
            }
        }
    }

    /** Milliseconds until the next live timer, rounded up: 0 when one is due, -1 when there is none. */
    long millisUntilNext(long nowNanos) {
        Timeout next;
        while ((next = timers.peek()) != null && next.isCancelled()) {
            timers.poll();
        }
        if (next == null) {
            return -1;
        }
        long nanos = next.deadlineNanos - nowNanos;
        return nanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }
}
