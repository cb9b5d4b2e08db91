package io.zmqstream.autoconfigure;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.zmqstream.ZMQStream;
import io.zmqstream.proxy.ZmqProxies;
import io.zmqstream.proxy.ZmqProxy;
import io.zmqstream.listener.ZmqListenerEndpoint;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.springframework.context.SmartLifecycle;
import org.zeromq.SocketType;

/**
 * The proxies of {@code zmq.proxies}, by name: checks their settings when created, so that a bad
 * one fails start-up naming its property, starts them with the application (after the loop, before
 * the listeners) and lets them be paused and resumed.
 */
public class ZmqProxyRegistry implements ZmqProxies, SmartLifecycle {

    /** Just before the listeners: the streams are open and the loop runs. */
    public static final int PHASE = ZmqListenerEndpointRegistry.PHASE - 1;

    private final ZmqProperties properties;
    private final ZmqStreamRegistry streams;
    private final ZmqListenerEndpointRegistry listeners;
    private final Map<String, ZmqProxy> proxies = new LinkedHashMap<>();
    private volatile boolean running;

    /**
     * Creates the registry and checks every proxy's settings.
     *
     * @param properties the {@code zmq.*} settings
     * @param streams the configured streams
     * @param listeners the listener registry, to refuse a stream that a listener reads; may be {@code null}
     * @throws ZmqConfigurationException naming the property of a proxy that cannot work
     */
    public ZmqProxyRegistry(ZmqProperties properties, ZmqStreamRegistry streams, ZmqListenerEndpointRegistry listeners) {
        this.properties = properties;
        this.streams = streams;
        this.listeners = listeners;
        Map<String, String> readers = new HashMap<>();
        properties.getProxies().forEach((name, proxy) -> check(name, proxy, readers));
    }

    /** Checks one proxy; {@code readers} holds the proxy that reads each stream checked so far. */
    private void check(String name, ZmqProperties.Proxy proxy, Map<String, String> readers) {
        String prefix = "zmq.proxies." + name;
        SocketType frontend = streamType(prefix + ".frontend", proxy.getFrontend());
        SocketType backend = streamType(prefix + ".backend", proxy.getBackend());
        if (proxy.getFrontend().equals(proxy.getBackend())) {
            throw new ZmqConfigurationException(prefix + ".backend", "the backend is the frontend, '" + proxy.getBackend() + "'",
                    "Name two different streams of zmq.streams.");
        }
        if (proxy.getCapture() != null) {
            checkCapture(prefix, proxy, streamType(prefix + ".capture", proxy.getCapture()));
        }
        claimReading(name, prefix + ".frontend", proxy.getFrontend(), readers);
        claimReading(name, prefix + ".backend", proxy.getBackend(), readers);
        try {
            ZmqProxy.checkPair(frontend, backend);
        }
        catch (IllegalArgumentException ex) {
            throw new ZmqConfigurationException(prefix, ex.getMessage(), "Give the streams of " + prefix
                    + ".frontend and .backend types that form one of those pairs.");
        }
        if (proxy.getQueueLimit() < 1) {
            throw new ZmqConfigurationException(prefix + ".queue-limit", "must be at least 1, was " + proxy.getQueueLimit(),
                    "Set a positive number of messages, or leave it out for the default.");
        }
    }

    private static void checkCapture(String prefix, ZmqProperties.Proxy proxy, SocketType type) {
        String capture = proxy.getCapture();
        if (capture.equals(proxy.getFrontend()) || capture.equals(proxy.getBackend())) {
            String side = capture.equals(proxy.getFrontend()) ? "frontend" : "backend";
            throw new ZmqConfigurationException(prefix + ".capture", "is the proxy's " + side + ", '" + capture
                    + "', which would get every message a second time", "Name a stream of its own for the copies, "
                            + "such as a PUB or PUSH that a monitor connects to, or remove " + prefix + ".capture.");
        }
        try {
            ZmqProxy.checkCaptureType(type);
        }
        catch (IllegalArgumentException ex) {
            throw new ZmqConfigurationException(prefix + ".capture", "names stream '" + capture + "': " + ex.getMessage(),
                    "Name a stream that sends, such as a PUB or PUSH.");
        }
    }

    /** One stream feeds one proxy: a second one would replace the first one's receive callback. */
    private static void claimReading(String name, String property, String stream, Map<String, String> readers) {
        String other = readers.putIfAbsent(stream, name);
        if (other != null && !other.equals(name)) {
            throw new ZmqConfigurationException(property, "names stream '" + stream + "', which proxy '" + other
                    + "' reads already, and a stream feeds one proxy", "Give each proxy streams of its own to read.");
        }
    }

    private SocketType streamType(String property, String stream) {
        Set<String> names = properties.getStreams().keySet();
        if (stream == null || !names.contains(stream)) {
            throw new ZmqConfigurationException(property, stream == null ? "is missing" : "names no stream: '" + stream
                    + "' is not a key of zmq.streams", "Name one of the configured streams " + names + ".");
        }
        SocketType type = properties.getStreams().get(stream).getType();
        if (type == null) {
            throw new ZmqConfigurationException("zmq.streams." + stream + ".type", "is missing",
                    "Give the stream a socket type.");
        }
        return type;
    }

    /**
     * Creates and starts every proxy, refusing a stream that a {@code @ZmqListener} also reads; after
     * a {@link #stop()}, resumes them.
     */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        properties.getProxies().forEach((name, settings) -> {
            ZmqProxy stopped = proxies.get(name);
            if (stopped != null) {
                stopped.resume();
                return;
            }
            ZmqProxy proxy = create(name, settings);
            proxies.put(name, proxy);
            proxy.start();
        });
        running = true;
    }

    private ZmqProxy create(String name, ZmqProperties.Proxy settings) {
        String prefix = "zmq.proxies." + name;
        ZMQStream frontend = stream(prefix + ".frontend", settings.getFrontend());
        ZMQStream backend = stream(prefix + ".backend", settings.getBackend());
        ZMQStream capture = settings.getCapture() == null ? null : streams.getStream(settings.getCapture());
        try {
            return new ZmqProxy(name, frontend, backend, capture, settings.getQueueLimit(), settings.isCaptureDirection());
        }
        catch (IllegalArgumentException ex) {
            throw new ZmqConfigurationException(prefix, ex.getMessage(), "Give the proxy streams of its own.");
        }
    }

    private ZMQStream stream(String property, String name) {
        if (listeners != null) {
            for (ZmqListenerEndpoint listener : listeners.getListeners()) {
                if (listener.getStreamName().equals(name)) {
                    throw new ZmqConfigurationException(property, "stream '" + name + "' is read by @ZmqListener "
                            + listener.getId() + ", and a proxy reads its streams itself",
                            "Give the proxy a stream of its own, or remove the listener.");
                }
            }
        }
        return streams.getStream(name);
    }

    /** Pauses every proxy; the streams close with the application, or {@link #start()} resumes them. */
    @Override
    public synchronized void stop() {
        proxies.values().forEach(ZmqProxy::pause);
        running = false;
    }

    /**
     * Whether the proxies were started and not stopped.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The phase: {@link #PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * The names of the configured proxies, in the order of the configuration.
     *
     * @return the names
     */
    @Override
    public Set<String> getProxyNames() {
        return properties.getProxies().keySet();
    }

    /**
     * The streams a configured proxy names.
     *
     * @param name a key under {@code zmq.proxies}
     * @return its streams, or {@code null} when there is no such proxy
     */
    @Override
    public Streams getStreams(String name) {
        ZmqProperties.Proxy settings = properties.getProxies().get(name);
        return settings == null ? null : new Streams(settings.getFrontend(), settings.getBackend(), settings.getCapture());
    }

    /**
     * A started proxy.
     *
     * @param name a key under {@code zmq.proxies}
     * @return the proxy, or {@code null} when there is none of that name or it has not started yet
     */
    @Override
    public ZmqProxy getProxy(String name) {
        return proxies.get(name);
    }

    /**
     * Stops a proxy reading either side; messages wait in ZeroMQ meanwhile.
     *
     * @param name a key under {@code zmq.proxies}
     * @throws IllegalArgumentException when there is no started proxy of that name
     */
    @Override
    public void pause(String name) {
        require(name).pause();
    }

    /**
     * Lets a paused proxy read again.
     *
     * @param name a key under {@code zmq.proxies}
     * @throws IllegalArgumentException when there is no started proxy of that name
     */
    @Override
    public void resume(String name) {
        require(name).resume();
    }

    private ZmqProxy require(String name) {
        ZmqProxy proxy = proxies.get(name);
        if (proxy == null) {
            throw new IllegalArgumentException("No proxy '" + name + "' under zmq.proxies; the proxies are "
                    + getProxyNames());
        }
        return proxy;
    }
}
