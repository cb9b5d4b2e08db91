package io.zmqstream;

/**
 * Hears when a stream of a {@link ZmqIoLoop} opens, is named and closes: for monitoring that
 * follows the streams that exist, and lets go of those that closed. Called on the thread that
 * caused the change (the one creating or naming the stream, or the one owning the sockets when it
 * closes); a listener must return quickly, and what it throws is logged.
 */
public interface StreamLifecycleListener {

    /**
     * A stream was created on the loop.
     *
     * @param stream the stream, registered with the loop and possibly not yet named
     */
    default void streamOpened(ZMQStream stream) {
    }

    /**
     * A stream of the loop got a new name.
     *
     * @param stream the stream, with its new name
     * @param previousName its name before, or {@code null} when it had none
     */
    default void streamRenamed(ZMQStream stream, String previousName) {
    }

    /**
     * A stream of the loop closed its socket.
     *
     * @param stream the stream
     */
    default void streamClosed(ZMQStream stream) {
    }
}
