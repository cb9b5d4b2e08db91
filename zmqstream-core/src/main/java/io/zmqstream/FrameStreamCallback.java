package io.zmqstream;

import java.util.List;

/**
 * Receives each incoming message as uncopied frames together with its stream: pyzmq's
 * {@code on_recv_stream(callback, copy=False)}.
 */
@FunctionalInterface
public interface FrameStreamCallback {

    /**
     * Handles one message; runs on the loop thread.
     *
     * @param stream the stream the message arrived on
     * @param frames the message, one {@link Frame} per part
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onRecv(ZMQStream stream, List<Frame> frames) throws Exception;
}
