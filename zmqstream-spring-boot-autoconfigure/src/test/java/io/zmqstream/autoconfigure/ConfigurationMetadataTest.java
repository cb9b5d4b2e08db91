package io.zmqstream.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.zmqstream.SendQueueOptions;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.proxy.ZmqProxy;
import io.zmqstream.request.RequestOptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The metadata IDEs read, as the configuration processor generated it from {@link ZmqProperties}. */
class ConfigurationMetadataTest {

    @Test
    void everyZmqPropertyIsDescribed() throws IOException {
        JsonNode properties = metadata().get("properties");
        List<String> names = new ArrayList<>();
        for (JsonNode property : properties) {
            String name = property.get("name").asString();
            names.add(name);
            assertThat(property.path("description").asString("")).as("description of %s", name).isNotBlank();
        }
        // Boot's metadata format names a map's entries by their keys, which only the application knows:
        // the per-stream properties are described on ZmqProperties.Stream, whose type zmq.streams names.
        assertThat(names).containsExactlyInAnyOrder("zmq.context.io-threads", "zmq.context.max-sockets",
                "zmq.io-loop.thread-name", "zmq.io-loop.batch-budget", "zmq.io-loop.spin-time",
                "zmq.io-loop.lag-probe-interval", "zmq.io-loop.max-lag", "zmq.listener.observation-enabled",
                "zmq.template.observation-enabled",
                "zmq.streams", "zmq.proxies", "management.endpoint.zmq.access", "management.endpoint.zmq.cache.time-to-live",
                "management.health.zmq.enabled");
        assertThat(properties).filteredOn(p -> p.get("name").asString().equals("zmq.streams"))
                .singleElement().satisfies(p -> assertThat(p.get("type").asString()).contains("ZmqProperties$Stream"));
        assertThat(properties).filteredOn(p -> p.get("name").asString().equals("zmq.proxies"))
                .singleElement().satisfies(p -> assertThat(p.get("type").asString()).contains("ZmqProperties$Proxy"));
    }

    @Test
    void theDefaultsAreTheCoresOwn() {
        ZmqProperties properties = new ZmqProperties();
        assertThat(properties.getIoLoop().getThreadName()).isEqualTo(ZmqIoLoop.DEFAULT_THREAD_NAME);
        assertThat(new ZmqProperties.Proxy().getQueueLimit()).isEqualTo(ZmqProxy.DEFAULT_QUEUE_LIMIT);
        assertThat(properties.getIoLoop().getBatchBudget()).isEqualTo(ZmqIoLoop.DEFAULT_BATCH_BUDGET);
        assertThat(properties.getIoLoop().getSpinTime()).isEqualTo(ZmqIoLoop.DEFAULT_SPIN_TIME);
        assertThat(new ZmqProperties.Stream().getHandshakeHealAfter()).isEqualTo(ZMQStream.DEFAULT_HANDSHAKE_HEAL_AFTER);
        ZmqProperties.Stream.SendQueue queue = new ZmqProperties.Stream().getSendQueue();
        assertThat(new SendQueueOptions(queue.getCapacity(), queue.getOverflowPolicy(), queue.getBlockTimeout()))
                .isEqualTo(SendQueueOptions.defaults());
        StreamRequestProperties requests = new ZmqProperties.Stream().getRequests();
        assertThat(new RequestOptions(requests.getTimeout(), requests.getRetries(), requests.getRetryBackoff(),
                requests.getMaxInFlight())).isEqualTo(RequestOptions.defaults());
    }

    @Test
    void theAutoConfigurationsAreListedForSpringBootToFind() throws IOException {
        try (InputStream in = resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes()).lines()).containsExactly(ZmqAutoConfiguration.class.getName(),
                    ZmqMetricsAutoConfiguration.class.getName(), ZmqActuatorAutoConfiguration.class.getName());
        }
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = resource("META-INF/spring-configuration-metadata.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ConfigurationMetadataTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
