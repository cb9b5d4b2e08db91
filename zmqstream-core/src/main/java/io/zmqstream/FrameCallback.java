package io.zmqstream;

import java.util.List;

/**
 * Receives each incoming message as JeroMQ frames without copying: pyzmq's
 * {@code on_recv(callback, copy=False)}.
 */
@FunctionalInterface
public interface FrameCallback {

    /**
     * Handles one message; runs on the loop thread.
     *
     * @param frames the message, one {@link Frame} per part
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onRecv(List<Frame> frames) throws Exception;
}
