package io.zmqstream.request;

/**
 * A request of a {@link ZmqRequester} that got no reply it could use: the future it returned fails
 * with one of the subclasses, each naming the stream.
 */
public class ZmqRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String streamName;

    /**
     * Creates the exception.
     *
     * @param streamName the name of the stream the request was for
     * @param message what happened
     */
    public ZmqRequestException(String streamName, String message) {
        this(streamName, message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param streamName the name of the stream the request was for
     * @param message what happened
     * @param cause why, or {@code null}
     */
    public ZmqRequestException(String streamName, String message, Throwable cause) {
        super(message, cause);
        this.streamName = streamName;
    }

    /**
     * The stream the request was for.
     *
     * @return its name
     */
    public String getStreamName() {
        return streamName;
    }
}
