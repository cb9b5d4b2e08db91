package io.zmqstream.proxy;

import java.util.Set;

/**
 * Proxies by name, as an application configures them: what metrics and monitoring read and steer.
 * A proxy may be known by name before it has started.
 */
public interface ZmqProxies {

    /**
     * The names of the proxies, in the order they were configured.
     *
     * @return the names
     */
    Set<String> getProxyNames();

    /**
     * A started proxy.
     *
     * @param name a proxy's name
     * @return the proxy, or {@code null} when there is none of that name or it has not started yet
     */
    ZmqProxy getProxy(String name);

    /**
     * The names of a proxy's streams, started or not.
     *
     * @param name a proxy's name
     * @return its streams, or {@code null} when there is no proxy of that name
     */
    Streams getStreams(String name);

    /**
     * Stops a proxy reading either side; messages wait in ZeroMQ meanwhile.
     *
     * @param name a proxy's name
     * @throws IllegalArgumentException when there is no started proxy of that name
     */
    void pause(String name);

    /**
     * Lets a paused proxy read again.
     *
     * @param name a proxy's name
     * @throws IllegalArgumentException when there is no started proxy of that name
     */
    void resume(String name);

    /**
     * The names of a proxy's streams.
     *
     * @param frontend where clients or publishers connect
     * @param backend where workers or subscribers connect
     * @param capture the stream that gets copies, or {@code null}
     */
    record Streams(String frontend, String backend, String capture) {
    }
}
