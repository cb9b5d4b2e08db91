package io.zmqstream.request;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ZmqRequester} waits for replies and tries again.
 *
 * @param timeout how long one attempt waits for its reply, unless a call gives its own
 * @param retries how many times a request is sent again after an attempt timed out; 0 for none
 * @param retryBackoff the pause before the first resend, doubled before each further one (capped at
 *        the timeout); zero resends at once, as the Guide's Lazy Pirate does
 * @param maxInFlight the most requests waiting for replies at once; what a call does beyond it is
 *        the stream's overflow policy
 */
public record RequestOptions(Duration timeout, int retries, Duration retryBackoff, int maxInFlight) {

    /** The default reply timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The default bound on requests in flight. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    /**
     * Validates the options.
     *
     * @param timeout positive
     * @param retries zero or more
     * @param retryBackoff zero or more
     * @param maxInFlight at least 1
     */
    public RequestOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A reply timeout must be positive, was " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("Retries must not be negative, was " + retries);
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("A retry back-off must not be negative, was " + retryBackoff);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("Requests in flight must be at least 1, was " + maxInFlight);
        }
    }

    /**
     * The defaults: a {@link #DEFAULT_TIMEOUT} reply timeout, no retry, at most
     * {@value #DEFAULT_MAX_IN_FLIGHT} requests in flight.
     *
     * @return the default options
     */
    public static RequestOptions defaults() {
        return new RequestOptions(DEFAULT_TIMEOUT, 0, Duration.ZERO, DEFAULT_MAX_IN_FLIGHT);
    }

    /**
     * The pause before a resend.
     *
     * @param resend which resend, from 1
     * @return the pause: the back-off doubled {@code resend - 1} times, at most the timeout
     */
    Duration backoffBefore(int resend) {
        if (retryBackoff.isZero()) {
            return Duration.ZERO;
        }
        Duration pause = retryBackoff;
        for (int i = 1; i < resend && pause.compareTo(timeout) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(timeout) < 0 ? pause : timeout;
    }
}
