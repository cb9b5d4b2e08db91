package io.zmqstream;

import java.nio.channels.SelectableChannel;

/**
 * Handles readiness of a plain NIO channel registered with
 * {@link ZmqIoLoop#addHandler(SelectableChannel, ChannelHandler, int)}.
 */
@FunctionalInterface
public interface ChannelHandler {

    /**
     * Called on the loop thread when the channel is ready.
     *
     * @param channel the ready channel
     * @param events the ready events, a mask of {@code ZMQ.Poller.POLLIN} and {@code ZMQ.Poller.POLLOUT}
     * @throws Exception any failure; it is logged and the loop goes on
     */
    void handle(SelectableChannel channel, int events) throws Exception;
}
