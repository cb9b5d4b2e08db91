package io.zmqstream.test.context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Rewrites the {@code tcp://} and {@code ipc://} endpoints of {@code zmq.streams} to
 * {@code inproc://} ones, in a property source ahead of the application's: a tcp endpoint
 * becomes {@code inproc://zmq-test-tcp-<port>} whatever its host, so that binds and connects
 * on one port still meet; a wildcard port, one name of its own per stream and endpoint; an ipc
 * path, {@code inproc://zmq-test-ipc-<path>}.
 */
final class InprocEndpoints {

    static final String PROPERTY_SOURCE = "zmqTestInprocEndpoints";

    private InprocEndpoints() {
    }

    static void apply(ConfigurableEnvironment environment) {
        Map<String, StreamEndpoints> streams = Binder.get(environment)
                .bind("zmq.streams", Bindable.mapOf(String.class, StreamEndpoints.class)).orElse(Map.of());
        Map<String, Object> rewritten = new LinkedHashMap<>();
        streams.forEach((name, endpoints) -> {
            put(rewritten, name, "bind", endpoints.bind());
            put(rewritten, name, "connect", endpoints.connect());
        });
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, rewritten));
    }

    private static void put(Map<String, Object> rewritten, String stream, String side, List<String> endpoints) {
        if (endpoints == null) {
            return;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            String key = "zmq.streams." + stream + "." + side;
            rewritten.put(key + "[" + i + "]", inproc(endpoints.get(i).trim(), key + "-" + i));
        }
    }

    /** The inproc endpoint for one endpoint; {@code unique} names a wildcard port's. */
    static String inproc(String endpoint, String unique) {
        if (endpoint.startsWith("ipc://")) {
            return "inproc://zmq-test-ipc-" + endpoint.substring("ipc://".length());
        }
        if (!endpoint.startsWith("tcp://")) {
            return endpoint;
        }
        String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        return port.equals("*") || port.equals("0") ? "inproc://zmq-test-" + unique : "inproc://zmq-test-tcp-" + port;
    }

    /**
     * The endpoints of one stream, all else of its settings left to the auto-configuration.
     *
     * @param bind the endpoints it binds
     * @param connect the endpoints it connects to
     */
    record StreamEndpoints(List<String> bind, List<String> connect) {
    }
}
