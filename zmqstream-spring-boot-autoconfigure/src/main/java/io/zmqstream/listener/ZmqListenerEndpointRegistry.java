package io.zmqstream.listener;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;

/**
 * Every {@link ZmqListener} of the application, by id: lists them, pauses and resumes them, and
 * starts and stops them. As a {@link SmartLifecycle} it starts the auto-starting listeners after
 * the shared loop has started and stops every listener before the loop closes, so that replies
 * still leave within the streams' linger.
 */
public class ZmqListenerEndpointRegistry implements SmartLifecycle {

    /** After the shared loop's phase (DEFAULT_PHASE - 4096) and before the embedded web server's. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private final Map<String, ZmqListenerEndpoint> listeners = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Creates an empty registry; the starter registers every {@code @ZmqListener} method in it. */
    public ZmqListenerEndpointRegistry() {
    }

    /**
     * Adds a listener, starting it at once when the registry runs and the listener starts automatically.
     *
     * @throws ZmqListenerConfigurationException when its id, or its stream, already has a listener
     */
    synchronized void register(ZmqListenerEndpoint endpoint) {
        String description = endpoint.description();
        ZmqListenerEndpoint sameId = listeners.get(endpoint.getId());
        if (sameId != null) {
            throw new ZmqListenerConfigurationException(description, "its id '" + endpoint.getId()
                    + "' is taken by " + sameId.getMethod().toGenericString(), "Give the listener another id.");
        }
        for (ZmqListenerEndpoint other : listeners.values()) {
            if (other.getStream() == endpoint.getStream()) {
                throw new ZmqListenerConfigurationException(description, "stream '" + endpoint.getStreamName()
                        + "' already has listener '" + other.getId() + "', and a stream has one receive callback",
                        "Receive from another stream, or handle both in one method.");
            }
        }
        listeners.put(endpoint.getId(), endpoint);
        if (running && endpoint.isAutoStartup()) {
            endpoint.start();
        }
    }

    /**
     * Every listener.
     *
     * @return the listeners, in no particular order
     */
    public Collection<ZmqListenerEndpoint> getListeners() {
        return List.copyOf(listeners.values());
    }

    /**
     * The ids of every listener.
     *
     * @return the ids
     */
    public Set<String> getListenerIds() {
        return Set.copyOf(listeners.keySet());
    }

    /**
     * One listener.
     *
     * @param id the listener's id
     * @return the listener, or {@code null} when there is none with that id
     */
    public ZmqListenerEndpoint getListener(String id) {
        return listeners.get(id);
    }

    /**
     * Pauses a listener: its stream consumes nothing until {@link #resume(String)}.
     *
     * @param id the listener's id
     * @throws IllegalArgumentException when there is no listener with that id
     */
    public void pause(String id) {
        require(id).pause();
    }

    /**
     * Resumes a paused listener.
     *
     * @param id the listener's id
     * @throws IllegalArgumentException when there is no listener with that id
     * @throws IllegalStateException when the listener is not started, or its stream is closed
     */
    public void resume(String id) {
        require(id).resume();
    }

    /**
     * Starts a listener, such as one with {@code autoStartup = "false"}; a paused one receives once resumed.
     *
     * @param id the listener's id
     * @throws IllegalArgumentException when there is no listener with that id
     * @throws IllegalStateException when its stream is closed
     */
    public void start(String id) {
        require(id).start();
    }

    /**
     * Stops a listener.
     *
     * @param id the listener's id
     * @throws IllegalArgumentException when there is no listener with that id
     */
    public void stop(String id) {
        require(id).stop();
    }

    private ZmqListenerEndpoint require(String id) {
        ZmqListenerEndpoint endpoint = listeners.get(id);
        if (endpoint == null) {
            throw new IllegalArgumentException("No @ZmqListener has id '" + id + "'; the ids are " + listeners.keySet());
        }
        return endpoint;
    }

    /** Starts every listener that starts automatically. */
    @Override
    public synchronized void start() {
        running = true;
        for (ZmqListenerEndpoint endpoint : listeners.values()) {
            if (endpoint.isAutoStartup()) {
                endpoint.start();
            }
        }
    }

    /** Stops every listener. */
    @Override
    public synchronized void stop() {
        running = false;
        listeners.values().forEach(ZmqListenerEndpoint::stop);
    }

    /**
     * Stops every listener, and says it has stopped once the messages they had in progress have
     * been handled and their replies queued, so that the streams, closed next, still send them.
     * Spring waits for that up to {@code spring.lifecycle.timeout-per-shutdown-phase}.
     *
     * @param callback run once the listeners are idle
     */
    @Override
    public void stop(Runnable callback) {
        stop();
        CompletableFuture.allOf(listeners.values().stream().map(ZmqListenerEndpoint::whenIdle)
                .toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> callback.run());
    }

    /**
     * Whether the registry has started its listeners.
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
}
