package io.zmqstream.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes where each stream of {@code zmq.streams} that opened at start-up is bound, as Spring
 * Boot publishes {@code local.server.port}: {@code local.zmq.streams.<name>.port} (the port of its
 * first tcp bind, a wildcard {@code *} resolved) and {@code local.zmq.streams.<name>.endpoints} (every
 * bound endpoint as the socket reports it), so that a test can {@code @Value} them.
 */
final class LocalStreamEndpoints implements SmartInitializingSingleton {

    /** The property source's name in the environment. */
    static final String PROPERTY_SOURCE = "zmqLocalStreamEndpoints";

    private final ZmqStreamRegistry streams;
    private final ConfigurableEnvironment environment;

    LocalStreamEndpoints(ZmqStreamRegistry streams, ConfigurableEnvironment environment) {
        this.streams = streams;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : streams.getStreamNames()) {
            if (!streams.isOpen(name)) {
                continue;
            }
            List<String> bound = streams.getStream(name).getBoundEndpoints();
            String prefix = "local.zmq.streams." + name + ".";
            properties.put(prefix + "endpoints", String.join(",", bound));
            bound.stream().filter(endpoint -> endpoint.startsWith("tcp://")).findFirst()
                    .ifPresent(endpoint -> properties.put(prefix + "port", endpoint.substring(endpoint.lastIndexOf(':') + 1)));
        }
        environment.getPropertySources().remove(PROPERTY_SOURCE);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }
}
