package io.zmqstream;

import java.util.List;

/**
 * Told about each message once the socket has taken it or it has failed for good: pyzmq's
 * {@code on_send(callback)}, and the per-message {@code callback} of a send.
 */
@FunctionalInterface
public interface SendCallback {

    /**
     * Handles the outcome of one send; runs on the loop thread.
     *
     * @param msg the frames that were sent (or not), as queued
     * @param status whether the socket took them, and whether the caller's buffers are free
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onSend(List<?> msg, MessageTracker status) throws Exception;
}
