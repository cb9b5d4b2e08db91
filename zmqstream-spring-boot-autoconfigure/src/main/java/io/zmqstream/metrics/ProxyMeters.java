package io.zmqstream.metrics;

import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.proxy.ProxyStatistics;
import io.zmqstream.proxy.ZmqProxies;
import io.zmqstream.proxy.ZmqProxy;

/**
 * The meters of each proxy of {@code zmq.proxies}: {@code zmq.proxy.messages} and
 * {@code zmq.proxy.forwarded} (bytes) tagged {@code proxy} and {@code direction}, and
 * {@code zmq.proxy.capture.drops}, read from the proxies' own counters.
 */
public class ProxyMeters implements MeterBinder {

    private final ZmqProxies proxies;

    /**
     * Creates the binder.
     *
     * @param proxies the proxies, read when a meter is
     */
    public ProxyMeters(ZmqProxies proxies) {
        this.proxies = proxies;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String proxy : proxies.getProxyNames()) {
            for (ProxyDirection direction : ProxyDirection.values()) {
                counter(registry, "zmq.proxy.messages", proxy, direction, null, "Messages the proxy forwarded",
                        statistics -> statistics.getMessages(direction));
                counter(registry, "zmq.proxy.forwarded", proxy, direction, BaseUnits.BYTES, "Bytes of the frames the proxy forwarded",
                        statistics -> statistics.getBytes(direction));
            }
            FunctionCounter.builder("zmq.proxy.capture.drops", proxies, read(proxy, ProxyStatistics::getCaptureDrops))
                    .tag("proxy", proxy)
                    .description("Copies the capture stream could not take; the messages were forwarded").register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, String proxy, ProxyDirection direction, String unit,
            String description, ToLongFunction<ProxyStatistics> count) {
        FunctionCounter.builder(name, proxies, read(proxy, count)).tags("proxy", proxy, "direction", direction.tag())
                .baseUnit(unit).description(description).register(registry);
    }

    /** A count of a proxy once it has started; 0 before. */
    private static ToDoubleFunction<ZmqProxies> read(String proxy,
            ToLongFunction<ProxyStatistics> count) {
        return registry -> {
            ZmqProxy started = registry.getProxy(proxy);
            return started == null ? 0 : count.applyAsLong(started.getStatistics());
        };
    }
}
