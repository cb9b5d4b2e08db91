package io.zmqstream.request;

/** The requester, or its stream, closed while the request waited for its reply, or before it was made. */
public class ZmqRequesterClosedException extends ZmqRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param streamName the stream's name
     */
    public ZmqRequesterClosedException(String streamName) {
        super(streamName, "The requests of stream '" + streamName + "' are closed: no reply will come");
    }
}
