package io.zmqstream.autoconfigure;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.ZMQ;

/**
 * The streams defined under {@code zmq.streams}, by name: creates each one's bean and opens its
 * endpoints, at start-up unless {@code auto-startup} is false, otherwise when the application
 * calls {@link #open(String)}. Thread-safe.
 */
public class ZmqStreamRegistry {

    private final ZmqProperties properties;
    private final ZmqStreamFactory factory;
    private final ProxyLoops proxyLoops;
    private final Map<String, ZMQStream> streams = new ConcurrentHashMap<>();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    /**
     * Creates a registry of the configured streams.
     *
     * @param properties the {@code zmq.*} settings
     * @param factory what makes each stream
     */
    public ZmqStreamRegistry(ZmqProperties properties, ZmqStreamFactory factory) {
        this(properties, factory, null);
    }

    /**
     * Creates a registry of the configured streams, those of proxies with a dedicated loop on their loop.
     *
     * @param properties the {@code zmq.*} settings
     * @param factory what makes each stream
     * @param proxyLoops the proxies' dedicated loops, or {@code null} for every stream on the factory's loop
     */
    public ZmqStreamRegistry(ZmqProperties properties, ZmqStreamFactory factory, ProxyLoops proxyLoops) {
        this.properties = properties;
        this.factory = factory;
        this.proxyLoops = proxyLoops;
    }

    /**
     * Creates the named stream and, when its {@code auto-startup} is true, binds, connects and
     * subscribes it; the stream's bean is what this returns.
     *
     * @param name a key under {@code zmq.streams}
     * @return the stream
     * @throws ZmqConfigurationException when a setting cannot work or an endpoint is refused
     */
    public ZMQStream create(String name) {
        ZmqProperties.Stream settings = settings(name);
        ZmqIoLoop dedicated = proxyLoops == null ? null : proxyLoops.loopFor(name);
        ZMQStream stream = dedicated == null ? factory.create(name, settings) : factory.create(name, settings, dedicated);
        streams.put(name, stream);
        if (settings.isAutoStartup()) {
            try {
                open(name);
            }
            catch (RuntimeException ex) {
                streams.remove(name);
                stream.close(0);
                throw ex;
            }
        }
        return stream;
    }

    /**
     * Binds, connects and subscribes a stream as configured; for streams whose {@code auto-startup}
     * is false. Does nothing for a stream already opened. When an endpoint is refused, those before
     * it in the configuration stay open.
     *
     * @param name a key under {@code zmq.streams}
     * @throws IllegalArgumentException when no such stream was created
     * @throws ZmqConfigurationException when an endpoint is refused
     */
    public void open(String name) {
        ZMQStream stream = getStream(name);
        if (opened.add(name)) {
            try {
                StreamEndpoints.open("zmq.streams." + name, settings(name), stream);
            }
            catch (RuntimeException ex) {
                opened.remove(name);
                throw ex;
            }
        }
    }

    /**
     * Replaces a stream's socket with a new one made from its configuration, as the ZeroMQ Guide's
     * reliable patterns reopen theirs: a Lazy Pirate client after a timeout, a Paranoid Pirate or
     * Majordomo worker that lost its broker. The stream keeps its name, bean, listeners, meters,
     * actuator entry and send queue; the old socket closes at once, and what it had taken is lost
     * ({@link ZMQStream#replaceSocket} says what carries over). Key files are read again. Any thread,
     * the loop's included.
     *
     * @param name a key under {@code zmq.streams}
     * @param identity the new socket's routing id, so that peers see a new peer; {@code null} keeps
     *        the configured {@code identity} (or none)
     * @return completes once the new socket is bound again as the old one was
     * @throws IllegalArgumentException when no such stream was created
     * @throws IllegalStateException when the stream is closed
     * @throws ZmqConfigurationException when a setting no longer works, such as a key file gone
     */
    public CompletableFuture<Void> rebuild(String name, byte[] identity) {
        ZMQStream stream = getStream(name);
        ZmqProperties.Stream settings = settings(name);
        ZMQ.Socket fresh = factory.createSocket(name, settings, identity);
        CompletableFuture<Void> rebound;
        try {
            rebound = stream.replaceSocket(fresh);
        }
        catch (RuntimeException ex) {
            fresh.close();
            throw ex;
        }
        if (opened.contains(name)) {
            StreamEndpoints.resubscribeUpstream(settings, stream);
        }
        return rebound;
    }

    /**
     * Replaces a stream's socket with a new one made from its configuration, identity included.
     *
     * @param name a key under {@code zmq.streams}
     * @return completes once the new socket is bound again as the old one was
     * @see #rebuild(String, byte[])
     */
    public CompletableFuture<Void> rebuild(String name) {
        return rebuild(name, null);
    }

    /**
     * Whether a stream's configured endpoints are open.
     *
     * @param name a key under {@code zmq.streams}
     * @return {@code true} once {@link #open(String)} succeeded for it
     */
    public boolean isOpen(String name) {
        return opened.contains(name);
    }

    /**
     * The names of the configured streams, in the order of the configuration.
     *
     * @return the names
     */
    public Set<String> getStreamNames() {
        return properties.getStreams().keySet();
    }

    /**
     * A configured stream.
     *
     * @param name a key under {@code zmq.streams}
     * @return the stream
     * @throws IllegalArgumentException when no such stream was created
     */
    public ZMQStream getStream(String name) {
        ZMQStream stream = streams.get(name);
        if (stream == null) {
            throw unknown(name);
        }
        return stream;
    }

    private ZmqProperties.Stream settings(String name) {
        ZmqProperties.Stream settings = properties.getStreams().get(name);
        if (settings == null) {
            throw unknown(name);
        }
        return settings;
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("No stream '" + name + "' under zmq.streams; the streams are "
                + getStreamNames());
    }
}
