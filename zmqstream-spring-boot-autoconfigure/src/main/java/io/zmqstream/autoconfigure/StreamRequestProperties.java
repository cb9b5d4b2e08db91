package io.zmqstream.autoconfigure;

import java.time.Duration;

/**
 * How ZmqTemplate's requests on one stream wait for replies and try again: bound to
 * {@code zmq.streams.<name>.requests}.
 */
public class StreamRequestProperties {

    /**
     * How long one attempt of a request waits for its reply, unless the call gives its own.
     */
    private Duration timeout = Duration.ofSeconds(5);

    /**
     * How many times a request is sent again after an attempt timed out (the Guide's Lazy
     * Pirate); a server may so see a request twice. Zero for none.
     */
    private int retries;

    /**
     * The pause before the first resend, doubled before each further one and at most the
     * timeout. Zero resends at once.
     */
    private Duration retryBackoff = Duration.ZERO;

    /**
     * Most requests waiting for replies at once; beyond it, a request follows the send
     * queue's overflow policy (BLOCK waits up to its block timeout, FAIL and DROP fail it).
     */
    private int maxInFlight = 10_000;

    public Duration getTimeout() {
        return this.timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public int getRetries() {
        return this.retries;
    }

    public void setRetries(int retries) {
        this.retries = retries;
    }

    public Duration getRetryBackoff() {
        return this.retryBackoff;
    }

    public void setRetryBackoff(Duration retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public int getMaxInFlight() {
        return this.maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }
}
