package io.zmqstream;

import java.util.List;

/**
 * Receives each incoming message together with its stream: pyzmq's {@code on_recv_stream(callback)}.
 */
@FunctionalInterface
public interface RecvStreamCallback {

    /**
     * Handles one message; runs on the loop thread.
     *
     * @param stream the stream the message arrived on
     * @param frames the message, one {@code byte[]} per frame
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onRecv(ZMQStream stream, List<byte[]> frames) throws Exception;
}
