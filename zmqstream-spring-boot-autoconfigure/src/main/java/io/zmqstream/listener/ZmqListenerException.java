package io.zmqstream.listener;

/**
 * A {@link ZmqListener} method that failed on a message: it threw, its stage failed, or its reply
 * could not be sent. The cause says what went wrong.
 */
public class ZmqListenerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String listenerId;
    private final String streamName;

    /**
     * Creates the exception.
     *
     * @param listenerId the listener's id
     * @param streamName the stream's name
     * @param message what happened
     * @param cause what failed
     */
    public ZmqListenerException(String listenerId, String streamName, String message, Throwable cause) {
        super("Listener '" + listenerId + "' on stream '" + streamName + "': " + message, cause);
        this.listenerId = listenerId;
        this.streamName = streamName;
    }

    /**
     * The failed listener's id.
     *
     * @return the id
     */
    public String getListenerId() {
        return listenerId;
    }

    /**
     * The name of the stream the message came from.
     *
     * @return the stream's name
     */
    public String getStreamName() {
        return streamName;
    }
}
