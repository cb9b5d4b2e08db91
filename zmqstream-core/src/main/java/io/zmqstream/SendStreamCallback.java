package io.zmqstream;

import java.util.List;

/**
 * Like {@link SendCallback}, with the stream as first argument: pyzmq's {@code on_send_stream(callback)}.
 */
@FunctionalInterface
public interface SendStreamCallback {

    /**
     * Handles the outcome of one send; runs on the loop thread.
     *
     * @param stream the stream that sent the message
     * @param msg the frames that were sent (or not), as queued
     * @param status whether the socket took them, and whether the caller's buffers are free
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onSend(ZMQStream stream, List<?> msg, MessageTracker status) throws Exception;
}
