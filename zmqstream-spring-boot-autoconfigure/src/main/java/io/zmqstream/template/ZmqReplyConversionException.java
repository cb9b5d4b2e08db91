package io.zmqstream.template;

import io.zmqstream.request.ZmqRequestException;

/** A reply came, but could not be read as the type the caller asked for. */
public class ZmqReplyConversionException extends ZmqRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param streamName the stream the reply came on
     * @param replyType the type asked for
     * @param cause why it could not be read
     */
    public ZmqReplyConversionException(String streamName, Class<?> replyType, Throwable cause) {
        super(streamName, "The reply on stream '" + streamName + "' is not a " + replyType.getName() + ": "
                + cause.getMessage(), cause);
    }
}
