package io.zmqstream.listener;

/**
 * A message from which a {@link ZmqListener} method's arguments could not be made, such as a
 * frame that is not the JSON of the parameter's type, or a {@link FrameAt @FrameAt} index the message
 * does not have. The method was not called.
 */
public class ZmqMessageConversionException extends ZmqListenerException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param listenerId the listener's id
     * @param streamName the stream's name
     * @param message what could not be converted
     * @param cause what failed
     */
    public ZmqMessageConversionException(String listenerId, String streamName, String message, Throwable cause) {
        super(listenerId, streamName, message, cause);
    }
}
