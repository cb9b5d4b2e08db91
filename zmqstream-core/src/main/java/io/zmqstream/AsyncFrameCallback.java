package io.zmqstream;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Receives each incoming message as JeroMQ frames, without copying, and answers with a stage that
 * completes when the message has been handled: pyzmq's coroutine callbacks with {@code copy=False}.
 */
@FunctionalInterface
public interface AsyncFrameCallback {

    /**
     * Starts handling one message; runs on the loop thread and should return quickly.
     *
     * @param frames the message, one {@link Frame} per part; they may be handed to another thread
     * @return a stage completing when the message is handled, or {@code null} when it already is;
     *         a failed stage is logged and counted
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    CompletionStage<?> onRecv(List<Frame> frames) throws Exception;
}
