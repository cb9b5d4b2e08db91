package io.zmqstream;

import java.util.List;

/**
 * Receives each incoming message as copied frames: pyzmq's {@code on_recv(callback)}.
 */
@FunctionalInterface
public interface RecvCallback {

    /**
     * Handles one message; runs on the loop thread.
     *
     * @param frames the message, one {@code byte[]} per frame; the list and arrays belong to the callee
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onRecv(List<byte[]> frames) throws Exception;
}
