package io.zmqstream;

/**
 * Hears the connection events of a stream that watches its connections; see
 * {@link ZMQStream#onConnectionEvent(ConnectionEventCallback)}.
 */
@FunctionalInterface
public interface ConnectionEventCallback {

    /**
     * Called on the loop thread for each event, after the stream's connection state took it in.
     *
     * @param stream the stream
     * @param event the event
     * @throws Exception any failure; it is logged and counted, and the stream goes on
     */
    void onConnectionEvent(ZMQStream stream, ConnectionEvent event) throws Exception;
}
