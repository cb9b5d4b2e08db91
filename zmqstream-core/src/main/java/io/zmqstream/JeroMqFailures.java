package io.zmqstream;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.internal.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * Sees the exceptions of a context's JeroMQ threads, which JeroMQ otherwise prints to stderr: both
 * of {@link ZContext}'s handlers, the one for an exception that ends an I/O thread and the one for
 * an exception an I/O thread caught and went on from. While the application runs, each is counted
 * and kept as the context's last failure, and logged as an ERROR naming the context, at most once
 * every {@value #ERROR_INTERVAL_SECONDS} seconds with the count so far (the rest at DEBUG: an I/O
 * thread that caught one often meets it again on every turn of its poller); once
 * {@link #closing()} was called, they are JeroMQ's termination noise (a signaler's channel closed
 * under it, say) and go to DEBUG. Thread-safe.
 */
public final class JeroMqFailures {

    private static final Logger log = LoggerFactory.getLogger(JeroMqFailures.class);
    private static final long ERROR_INTERVAL_SECONDS = 10;

    private final String contextName;
    private final AtomicLong count = new AtomicLong();
    private final LogThrottle errors = new LogThrottle(Duration.ofSeconds(ERROR_INTERVAL_SECONDS));
    private volatile Failure last;
    private volatile boolean closing;

    /**
     * Creates the handlers of a context.
     *
     * @param contextName how the log names the context, such as {@code zmq}
     */
    public JeroMqFailures(String contextName) {
        this.contextName = contextName;
    }

    /**
     * Sets both of the context's exception handlers to this one. Call it before the context's first
     * socket: JeroMQ hands the handlers to its threads when it starts them.
     *
     * @param context the context
     * @return the context
     */
    public ZContext watch(ZContext context) {
        context.setUncaughtExceptionHandler(this::threadEnded);
        context.setNotificationExceptionHandler(this::caught);
        return context;
    }

    /** Tells the handlers that the context is being closed: from now on exceptions are logged at DEBUG. */
    public void closing() {
        closing = true;
    }

    /**
     * Whether {@link #closing()} was called.
     *
     * @return {@code true} once the context is being closed
     */
    public boolean isClosing() {
        return closing;
    }

    /**
     * The exceptions seen while the application ran.
     *
     * @return the count since the handlers were made
     */
    public long getCount() {
        return count.get();
    }

    /**
     * The last exception seen while the application ran.
     *
     * @return it, or {@code null} when there was none
     */
    public Failure getLastFailure() {
        return last;
    }

    private void threadEnded(Thread thread, Throwable ex) {
        record(thread, ex, true);
    }

    private void caught(Thread thread, Throwable ex) {
        record(thread, ex, false);
    }

    private void record(Thread thread, Throwable ex, boolean threadEnded) {
        if (closing) {
            log.debug("JeroMQ thread {} of context '{}' while closing: {}", thread.getName(), contextName, ex.toString(),
                    ex);
            return;
        }
        long failures = count.incrementAndGet();
        last = new Failure(thread.getName(), ex.toString(), threadEnded, Instant.now());
        if (errors.pass()) {
            log.error("JeroMQ thread {} of context '{}' {}: connections it serves may stall ({} JeroMQ thread failures "
                    + "so far)", thread.getName(), contextName, threadEnded ? "died of an exception"
                            : "caught an exception and went on", failures, ex);
        }
        else {
            log.debug("JeroMQ thread {} of context '{}' failed again: {}", thread.getName(), contextName, ex.toString());
        }
    }

    /**
     * One exception of a JeroMQ thread.
     *
     * @param thread the thread's name, such as {@code iothread-2}
     * @param exception the exception's class and message
     * @param threadEnded whether it ended the thread
     * @param time when it was seen
     */
    public record Failure(String thread, String exception, boolean threadEnded, Instant time) {

        /**
         * The failure in one sentence, for the health.
         *
         * @return e.g. {@code JeroMQ thread iothread-2 died of java.lang.OutOfMemoryError: Direct buffer memory}
         */
        public String describe() {
            return "JeroMQ thread " + thread + (threadEnded ? " died of " : " failed with ") + exception + " at " + time;
        }
    }
}
