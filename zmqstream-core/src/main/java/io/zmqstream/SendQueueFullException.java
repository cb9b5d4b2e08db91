package io.zmqstream;

/**
 * Thrown by a send when the stream's send queue has no room under {@link OverflowPolicy#FAIL}, or
 * stayed full for the whole block timeout under {@link OverflowPolicy#BLOCK}.
 */
public class SendQueueFullException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was full and why the send gave up
     */
    public SendQueueFullException(String message) {
        super(message);
    }
}
