package io.zmqstream;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Receives each incoming message and answers with a stage that completes when the message has
 * been handled: pyzmq's coroutine callbacks.
 */
@FunctionalInterface
public interface AsyncRecvCallback {

    /**
     * Starts handling one message; runs on the loop thread and should return quickly.
     *
     * @param frames the message, one {@code byte[]} per frame
     * @return a stage completing when the message is handled; a failed stage is logged and counted
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    CompletionStage<?> onRecv(List<byte[]> frames) throws Exception;
}
