package io.zmqstream.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.proxy.ProxyStatistics;
import io.zmqstream.proxy.ZmqProxies;
import io.zmqstream.proxy.ZmqProxy;

/** What the {@code zmq} endpoint shows of the proxies of {@code zmq.proxies}, and how it steers them. */
public class ProxyDescriptions {

    private final ZmqProxies proxies;

    /**
     * Creates the descriptions.
     *
     * @param proxies the proxies, started or not
     */
    public ProxyDescriptions(ZmqProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * Every configured proxy.
     *
     * @return their descriptions by name, in the order of the configuration
     */
    public Map<String, ProxyDescriptor> proxies() {
        Map<String, ProxyDescriptor> described = new LinkedHashMap<>();
        for (String name : proxies.getProxyNames()) {
            described.put(name, proxy(name));
        }
        return described;
    }

    /**
     * One proxy.
     *
     * @param name its key under {@code zmq.proxies}
     * @return its description, or {@code null} when there is no such proxy
     */
    public ProxyDescriptor proxy(String name) {
        ZmqProxies.Streams streams = proxies.getStreams(name);
        if (streams == null) {
            return null;
        }
        ZmqProxy proxy = proxies.getProxy(name);
        if (proxy == null) {
            return new ProxyDescriptor(streams.frontend(), streams.backend(), streams.capture(),
                    ZmqProxy.State.STOPPED.name(), Map.of(), Map.of(), Map.of(), 0, 0);
        }
        ProxyStatistics statistics = proxy.getStatistics();
        Map<String, Long> messages = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Boolean> waiting = new LinkedHashMap<>();
        for (ProxyDirection direction : ProxyDirection.values()) {
            messages.put(direction.tag(), statistics.getMessages(direction));
            bytes.put(direction.tag(), statistics.getBytes(direction));
            waiting.put(direction.tag(), proxy.isWaiting(direction));
        }
        return new ProxyDescriptor(streams.frontend(), streams.backend(), streams.capture(),
                proxy.getState().name(), messages, bytes, waiting, statistics.getCaptureDrops(),
                statistics.getBackPressureStops());
    }

    /**
     * Pauses or resumes a proxy.
     *
     * @param name its key under {@code zmq.proxies}
     * @param pause {@code true} to pause, {@code false} to resume
     * @throws IllegalArgumentException when there is no started proxy of that name
     */
    public void steer(String name, boolean pause) {
        if (pause) {
            proxies.pause(name);
        }
        else {
            proxies.resume(name);
        }
    }

    /**
     * One proxy as the endpoint shows it.
     *
     * @param frontend the frontend stream's name
     * @param backend the backend stream's name
     * @param capture the capture stream's name, or {@code null}
     * @param state {@code STOPPED}, {@code RUNNING}, {@code PAUSED} or {@code CLOSED}
     * @param messages messages forwarded, by direction
     * @param bytes bytes forwarded, by direction
     * @param waiting by direction, whether it stopped reading because the other side's queue is full
     * @param captureDrops copies the capture stream could not take
     * @param backPressureStops how often a side stopped reading for the other
     */
    public record ProxyDescriptor(String frontend, String backend, String capture, String state,
            Map<String, Long> messages, Map<String, Long> bytes, Map<String, Boolean> waiting, long captureDrops,
            long backPressureStops) {
    }
}
