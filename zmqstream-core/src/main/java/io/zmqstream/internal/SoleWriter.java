package io.zmqstream.internal;

import java.util.concurrent.atomic.AtomicLong;

/** Counters written by one thread, the loop's, and read by any. */
public final class SoleWriter {

    private SoleWriter() {
    }

    /**
     * Adds to a counter that only the calling thread writes: an ordered store publishes the sum
     * without a locked instruction.
     *
     * @param counter the counter
     * @param delta what to add
     */
    public static void add(AtomicLong counter, long delta) {
        counter.lazySet(counter.get() + delta);
    }
}
