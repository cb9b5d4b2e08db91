package io.zmqstream;

import org.zeromq.ZMQ;

/**
 * Handles readiness of a JeroMQ socket registered with {@link ZmqIoLoop#addHandler(ZMQ.Socket, SocketHandler, int)}.
 */
@FunctionalInterface
public interface SocketHandler {

    /**
     * Called on the loop thread while the socket has any of the events it was registered for.
     *
     * @param socket the ready socket
     * @param events the ready events, a mask of {@link ZMQ.Poller#POLLIN} and {@link ZMQ.Poller#POLLOUT};
     *        or, once, {@link ZMQ.Poller#POLLERR} when the socket can no longer be polled (its context
     *        was terminated), after which the handler is removed
     * @throws Exception any failure; it is logged and the loop goes on
     */
    void handle(ZMQ.Socket socket, int events) throws Exception;
}
