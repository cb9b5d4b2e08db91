package io.zmqstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a loop thread has been in one callback, and when a close stops waiting for it: after
 * {@code grace} in one callback, the thread is interrupted once (a callback blocked in a wait or a
 * sleep ends); after another, the close gives up on it, logging where it is stuck.
 */
final class CallbackWatch {

    /** It logs as the loop whose thread it watches. */
    private static final Logger log = LoggerFactory.getLogger(ZmqIoLoop.class);

    private final String threadName;
    private final Duration grace;
    /** When the current callback began, odd so that it is never 0; 0 outside callbacks. */
    private volatile long callbackSince;

    CallbackWatch(String threadName, Duration grace) {
        this.threadName = threadName;
        this.grace = grace;
    }

    /** The loop thread enters a callback. */
    void enter() {
        callbackSince = System.nanoTime() | 1;
    }

    /** The loop thread leaves its callback. */
    void leave() {
        callbackSince = 0;
    }

    /**
     * A fresh watch for one close: asked repeatedly, it interrupts a stuck loop thread once and
     * later says to give up.
     *
     * @param loopThread the loop thread now, or {@code null} once it has ended
     */
    BooleanSupplier closeWatch(Supplier<Thread> loopThread) {
        return new StuckThread(loopThread);
    }

    private final class StuckThread implements BooleanSupplier {

        private final Supplier<Thread> loopThread;
        private long interruptedCallback;
        private long interruptedAt;
        private boolean gaveUp;

        StuckThread(Supplier<Thread> loopThread) {
            this.loopThread = loopThread;
        }

        @Override
        public boolean getAsBoolean() {
            Thread thread = loopThread.get();
            long since = callbackSince;
            long now = System.nanoTime();
            if (gaveUp || thread == null || since == 0 || now - since < grace.toNanos()) {
                return gaveUp;
            }
            if (interruptedCallback != since) {
                interruptedCallback = since;
                interruptedAt = now;
                log.warn("Loop {} has been in one callback for {} ms while closing; interrupting it", threadName,
                        TimeUnit.NANOSECONDS.toMillis(now - since));
                thread.interrupt();
                return false;
            }
            if (now - interruptedAt < grace.toNanos()) {
                return false;
            }
            gaveUp = true;
            Throwable where = new Throwable("stuck here");
            where.setStackTrace(thread.getStackTrace());
            log.error("Loop {} is still in one callback {} ms after being interrupted; close stops waiting for it, and "
                    + "the streams it has not closed are left to their context", threadName,
                    TimeUnit.NANOSECONDS.toMillis(now - interruptedAt), where);
            return true;
        }
    }
}
