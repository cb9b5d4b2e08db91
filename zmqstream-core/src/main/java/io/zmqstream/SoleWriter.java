package io.zmqstream;

import java.util.concurrent.atomic.AtomicLong;

/** Counters written by one thread, the loop's, and read by any. */
final class SoleWriter {

    private SoleWriter() {
    }

    /** Adds to a counter that only the calling thread writes: an ordered store publishes the sum without a locked instruction. */
    static void add(AtomicLong counter, long delta) {
        counter.lazySet(counter.get() + delta);
    }
}
