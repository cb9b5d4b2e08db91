package io.zmqstream;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A loop's timers in deadline order; ties run in the order they were scheduled. Timeouts may be
 * created and cancelled on any thread; the queue itself belongs to the owner of the loop's sockets.
 *
 * <p>Per-request timeouts are mostly cancelled long before their deadline. Like tornado and asyncio,
 * the queue drops its cancelled timeouts in one pass once they are many and more than half of it,
 * so that they cost memory only briefly.
 */
final class TimerQueue {

    /** Below this many cancelled timeouts, they wait for their deadline: a pass is not worth it. */
    private static final int COMPACTION_THRESHOLD = 512;

    private final PriorityQueue<Timeout> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Cancelled timeouts still queued, or about to be. */
    private final AtomicInteger cancelled = new AtomicInteger();

    Timeout newTimeout(long deadlineNanos, Runnable callback) {
        return new Timeout(deadlineNanos, sequence.incrementAndGet(), callback, this);
    }

    void add(Timeout timeout) {
        timers.add(timeout);
        dropCancelledIfMany();
    }

    /** Called by {@link Timeout#cancel()}, on any thread. */
    void cancelled() {
        cancelled.incrementAndGet();
    }

    int size() {
        return timers.size();
    }

    /** Runs, through {@code runner}, every live timer due at {@code nowNanos}. */
    void runDue(long nowNanos, Consumer<Runnable> runner) {
        Timeout next;
        while ((next = timers.peek()) != null && next.deadlineNanos - nowNanos <= 0) {
            timers.poll();
            if (next.fire()) {
                runner.accept(next.callback());
            }
            else {
                cancelled.decrementAndGet();
            }
        }
    }

    /** Milliseconds until the next live timer, rounded up: 0 when one is due, -1 when there is none. */
    long millisUntilNext(long nowNanos) {
        dropCancelledIfMany();
        Timeout next;
        while ((next = timers.peek()) != null && next.isCancelled()) {
            timers.poll();
            cancelled.decrementAndGet();
        }
        if (next == null) {
            return -1;
        }
        long nanos = next.deadlineNanos - nowNanos;
        return nanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    private void dropCancelledIfMany() {
        int count = cancelled.get();
        if (count > COMPACTION_THRESHOLD && count > timers.size() / 2) {
            int before = timers.size();
            timers.removeIf(Timeout::isCancelled);
            cancelled.addAndGet(timers.size() - before);
        }
    }
}
