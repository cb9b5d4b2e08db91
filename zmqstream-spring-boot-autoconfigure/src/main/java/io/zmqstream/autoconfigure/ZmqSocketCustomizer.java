package io.zmqstream.autoconfigure;

import org.zeromq.ZMQ;

/**
 * Sets what {@code zmq.streams.<name>.*} cannot on a stream's new socket: an option no property
 * offers (an encoder, a hello message), or one computed at start-up. The starter calls every
 * bean of this type, in their order ({@code @Order}, {@code Ordered}), on each stream's socket
 * after the configured options and CURVE keys and before the stream is created, binds or connects,
 * on the thread that creates the streams; the socket is not yet any loop's, so it may be touched.
 */
@FunctionalInterface
public interface ZmqSocketCustomizer {

    /**
     * Customizes one stream's socket.
     *
     * @param streamName the stream's key under {@code zmq.streams}
     * @param socket its socket, neither bound nor connected yet
     */
    void customize(String streamName, ZMQ.Socket socket);
}
