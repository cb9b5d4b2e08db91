package io.zmqstream.listener;

/**
 * Where {@link ZmqListener} methods find their stream's settings for failures: the starter's bean
 * reads {@code zmq.streams.<name>.listener}.
 */
@FunctionalInterface
public interface ZmqListenerDefaults {

    /** No stream has settings of its own: every listener takes the defaults. */
    ZmqListenerDefaults NONE = streamName -> new StreamListenerProperties();

    /**
     * The settings of one stream's listeners.
     *
     * @param streamName the stream's name
     * @return its settings, the defaults when it has none
     */
    StreamListenerProperties forStream(String streamName);
}
