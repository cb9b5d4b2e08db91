package io.zmqstream.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ZmqListenerErrorHandler}: logs the failure with the listener's id and the
 * stream's name (never the message's content) and sends no reply.
 *
 * <p>A peer can send any number of messages a listener fails on, so the log is bounded per
 * listener: its first failure is logged at ERROR with the stack trace, later ones at most once per
 * interval (a minute unless set) in one line that says how many failed since the last line; the
 * rest go to DEBUG. Every failure is still counted ({@code zmq.listener} meters) before this runs.
 */
public class LoggingListenerErrorHandler implements ZmqListenerErrorHandler {

    /** How often a listener's repeated failures are logged at most, unless set otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(LoggingListenerErrorHandler.class);

    private final long intervalNanos;
    private final Map<String, Failures> byListener = new ConcurrentHashMap<>();

    /** Creates the handler, logging a listener's repeated failures at most once a minute. */
    public LoggingListenerErrorHandler() {
        this(DEFAULT_INTERVAL);
    }

    /**
     * Creates the handler.
     *
     * @param interval the least time between two lines about one listener's repeated failures
     */
    public LoggingListenerErrorHandler(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public Object handleError(ZmqListenerMessage message, ZmqListenerException exception) {
        Failures failures = byListener.computeIfAbsent(exception.getListenerId(), id -> new Failures());
        long now = System.nanoTime();
        long last = failures.lastLineNanos.get();
        if (last == Failures.NEVER && failures.lastLineNanos.compareAndSet(Failures.NEVER, now)) {
            log.error("Listener '{}' on stream '{}' failed on a message of {} frames; the stream goes on. Later "
                    + "failures of this listener are logged without a stack trace, at most once every {} s",
                    exception.getListenerId(), exception.getStreamName(), message.getFrames().size(),
                    intervalNanos / 1_000_000_000L, exception);
        }
        else if (now - last >= intervalNanos && failures.lastLineNanos.compareAndSet(last, now)) {
            long since = failures.unlogged.getAndSet(0) + 1;
            log.error("Listener '{}' on stream '{}' failed {} time(s) since the last line, lately with {}; the "
                    + "stream goes on (stack traces at DEBUG)", exception.getListenerId(), exception.getStreamName(),
                    since, summary(exception));
        }
        else {
            failures.unlogged.incrementAndGet();
            log.debug("Listener '{}' on stream '{}' failed on a message of {} frames", exception.getListenerId(),
                    exception.getStreamName(), message.getFrames().size(), exception);
        }
        return null;
    }

    /** The innermost cause's class and message: what a line without a stack trace can say. */
    private static String summary(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /** One listener's failures since its last line. */
    private static final class Failures {

        static final long NEVER = Long.MIN_VALUE;

        final AtomicLong lastLineNanos = new AtomicLong(NEVER);
        final AtomicLong unlogged = new AtomicLong();
    }
}
