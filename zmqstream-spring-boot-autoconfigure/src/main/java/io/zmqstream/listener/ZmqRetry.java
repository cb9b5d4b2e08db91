package io.zmqstream.listener;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link ZmqListener} method that failed is called again for the same message, in
 * {@link ZmqListener#retry()}: after a delay, on the loop's timer, multiplied by
 * {@link #multiplier()} before each further attempt up to {@link #maxDelay()}. An attribute left
 * empty takes the stream's {@code zmq.streams.<name>.listener.retry} setting; {@code ${...}}
 * placeholders are resolved. A message whose arguments cannot be made is never retried: it would
 * fail the same way.
 *
 * <p>A listener on the loop thread keeps its stream's order: while one of its messages waits for
 * its next attempt, the stream reads no further message (they wait in ZeroMQ's queue), and other
 * streams go on. A listener on an executor goes on with the stream's other messages meanwhile
 * (within its {@code maxInFlight}), so a retried message may be handled after later ones.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZmqRetry {

    /**
     * Attempts in all, the first included: {@code "1"} never retries.
     *
     * @return the number, or empty for the stream's {@code max-attempts} (1 unless set)
     */
    String maxAttempts() default "";

    /**
     * The wait before the second attempt, such as {@code "200ms"} or {@code "1s"}.
     *
     * @return the delay, or empty for the stream's {@code delay} (1 s unless set)
     */
    String delay() default "";

    /**
     * What each further wait is multiplied by: {@code "1"} waits the same each time, {@code "2"}
     * doubles it.
     *
     * @return the multiplier, at least 1, or empty for the stream's {@code multiplier} (1 unless set)
     */
    String multiplier() default "";

    /**
     * The longest wait between two attempts.
     *
     * @return the bound, or empty for the stream's {@code max-delay} (30 s unless set)
     */
    String maxDelay() default "";

    /**
     * The failures that are retried, with their subclasses, found in a failure or its causes; all
     * unless set.
     *
     * @return the failures to retry, or none for every failure
     */
    Class<? extends Throwable>[] retryOn() default {};

    /**
     * The failures that are never retried, with their subclasses, found in a failure or its
     * causes; they win over {@link #retryOn()}.
     *
     * @return the failures not to retry
     */
    Class<? extends Throwable>[] noRetryOn() default {};
}
