package io.zmqstream.request;

/**
 * A request that was never sent: too many were in flight (after waiting, under the stream's
 * {@code BLOCK} overflow policy), or the stream's send queue refused it.
 */
public class ZmqRequestRejectedException extends ZmqRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param streamName the stream's name
     * @param message why the request was not sent
     */
    public ZmqRequestRejectedException(String streamName, String message) {
        super(streamName, message);
    }
}
