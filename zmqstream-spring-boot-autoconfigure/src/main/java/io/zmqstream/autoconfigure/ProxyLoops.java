package io.zmqstream.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zmqstream.ZmqIoLoop;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.zeromq.ZContext;

/**
 * The loops of proxies with {@code dedicated-loop: true}: one loop thread per such proxy, named
 * {@code zmq-proxy-<name>}, that runs the proxy's streams instead of the shared loop. They start,
 * stop and close as the shared loop does.
 */
public class ProxyLoops implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, ApplicationContextAware {

    private final Map<String, ZmqIoLoop> loopsByStream = new HashMap<>();
    private final List<ZmqIoLoop> loops = new ArrayList<>();
    private final List<ZmqIoLoopLifecycle> lifecycles = new ArrayList<>();

    /**
     * Creates a loop, not yet started, for each proxy that asks for one.
     *
     * @param properties the {@code zmq.*} settings
     * @param context the context the loops' sockets come from
     * @throws ZmqConfigurationException when a stream of such a proxy also serves another proxy
     */
    public ProxyLoops(ZmqProperties properties, ZContext context) {
        Map<String, String> proxyByStream = new HashMap<>();
        properties.getProxies().forEach((name, proxy) -> {
            Map<String, String> streams = new LinkedHashMap<>();
            streams.put("frontend", proxy.getFrontend());
            streams.put("backend", proxy.getBackend());
            streams.put("capture", proxy.getCapture());
            streams.forEach((role, stream) -> {
                String other = stream == null ? null : proxyByStream.putIfAbsent(stream, name);
                if (other != null && (proxy.isDedicatedLoop() || properties.getProxies().get(other).isDedicatedLoop())) {
                    throw new ZmqConfigurationException("zmq.proxies." + name + "." + role, "stream '" + stream
                            + "' also serves proxy '" + other + "', one of them on a dedicated loop, and a stream runs "
                            + "on one loop", "Give each proxy with a dedicated loop streams of its own.");
                }
            });
            if (proxy.isDedicatedLoop()) {
                ZmqIoLoop loop = SharedLoopFactory.loop(context, properties.getIoLoop(), "zmq-proxy-" + name);
                loops.add(loop);
                lifecycles.add(new ZmqIoLoopLifecycle(loop));
                streams.values().stream().filter(Objects::nonNull).forEach(stream -> loopsByStream.put(stream, loop));
            }
        });
    }

    /**
     * The dedicated loop a stream runs on.
     *
     * @param stream a key of {@code zmq.streams}
     * @return the loop, or {@code null} for a stream of the shared loop
     */
    public ZmqIoLoop loopFor(String stream) {
        return loopsByStream.get(stream);
    }

    /**
     * Every dedicated loop.
     *
     * @return the loops, in the order of the proxies
     */
    public Collection<ZmqIoLoop> getLoops() {
        return List.copyOf(loops);
    }

    @Override
    public void setApplicationContext(ApplicationContext applicationContext) {
        lifecycles.forEach(lifecycle -> lifecycle.setApplicationContext(applicationContext));
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        lifecycles.forEach(lifecycle -> lifecycle.onApplicationEvent(event));
    }

    /** Starts the loops, with the shared one. */
    @Override
    public void start() {
        lifecycles.forEach(ZmqIoLoopLifecycle::start);
    }

    /** Stops the loops, or closes them with their streams when the application closes. */
    @Override
    public void stop() {
        lifecycles.forEach(ZmqIoLoopLifecycle::stop);
    }

    /**
     * Whether the loops run.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return !lifecycles.isEmpty() && lifecycles.get(0).isRunning();
    }

    /**
     * The shared loop's phase: {@link ZmqIoLoopLifecycle#PHASE}.
     *
     * @return the phase
     */
    @Override
    public int getPhase() {
        return ZmqIoLoopLifecycle.PHASE;
    }
}
