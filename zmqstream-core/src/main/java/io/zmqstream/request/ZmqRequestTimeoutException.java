package io.zmqstream.request;

import java.time.Duration;

/** No reply came within the timeout, after every attempt the retries allowed. */
public class ZmqRequestTimeoutException extends ZmqRequestException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param streamName the stream's name
     * @param timeout how long each attempt waited
     * @param attempts how many times the request was sent
     */
    public ZmqRequestTimeoutException(String streamName, Duration timeout, int attempts) {
        super(streamName, "No reply on stream '" + streamName + "' within " + timeout.toMillis() + " ms, "
                + (attempts == 1 ? "sent once" : "sent " + attempts + " times"));
        this.timeout = timeout;
        this.attempts = attempts;
    }

    /**
     * How long each attempt waited.
     *
     * @return the reply timeout
     */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * How many times the request was sent.
     *
     * @return 1 plus the retries made
     */
    public int getAttempts() {
        return attempts;
    }
}
