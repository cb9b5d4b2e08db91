package io.zmqstream.request;

/**
 * A request of a {@link ZmqRequester} that got no reply: the future it returned fails with one of
 * the subclasses, each naming the stream.
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
        super(message);
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
