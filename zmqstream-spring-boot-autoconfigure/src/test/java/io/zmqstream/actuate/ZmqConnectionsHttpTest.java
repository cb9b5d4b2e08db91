package io.zmqstream.actuate;

import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A configured stream's connections over real HTTP, while its real peer goes away and comes back:
 * the {@code zmq} endpoint, the health (which this stream opted into) and the meters follow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zmq.streams.upstream.type=dealer", "zmq.streams.upstream.max-time-without-peer=500ms",
        "zmq.streams.quiet.type=dealer", "zmq.streams.quiet.monitor=false",
        "management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always" })
class ZmqConnectionsHttpTest {

    private static final TestPeers PEERS = new TestPeers();
    private static final ZMQ.Socket FIRST_PEER = PEERS.socket(SocketType.ROUTER);
    private static final String ENDPOINT = "tcp://127.0.0.1:" + FIRST_PEER.bindToRandomPort("tcp://127.0.0.1");

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("upstream")
    private ZMQStream upstream;

    @DynamicPropertySource
    static void peerEndpoint(DynamicPropertyRegistry registry) {
        registry.add("zmq.streams.upstream.connect", () -> ENDPOINT);
        registry.add("zmq.streams.quiet.connect", () -> ENDPOINT);
    }

    @AfterAll
    static void closePeers() {
        PEERS.close();
    }

    @Test
    void aPeerThatGoesAwayAndComesBackShowsInTheEndpointTheHealthAndTheMeters() {
        ActuatorClient actuator = new ActuatorClient(port);
        await().atMost(TIMEOUT).until(() -> handshakenPeers(actuator) == 1);
        JsonNode endpoint = onlyEndpoint(actuator);
        assertThat(endpoint.get("endpoint").asString()).isEqualTo(ENDPOINT);
        assertThat(endpoint.get("side").asString()).isEqualTo("CONNECT");
        assertThat(endpoint.get("connects").asLong()).isEqualTo(1);
        assertThat(endpoint.get("lastEvent").asString()).isEqualTo("HANDSHAKE_PROTOCOL");
        assertThat(endpoint.get("lastEventTime").asString()).isNotBlank();
        assertThat(actuator.getJson("/actuator/zmq/quiet").get("connections").get("monitored").asBoolean()).isFalse();
        assertThat(healthStatus(actuator)).isEqualTo("UP");
        assertThat(meter(actuator, "zmq.connections", "VALUE")).isEqualTo(1);

        FIRST_PEER.close();
        await().atMost(TIMEOUT).until(() -> handshakenPeers(actuator) == 0);
        JsonNode gone = onlyEndpoint(actuator);
        assertThat(gone.get("disconnects").asLong()).isEqualTo(1);
        assertThat(meter(actuator, "zmq.connections", "VALUE")).isZero();
        assertThat(meter(actuator, "zmq.connection.events", "COUNT", "event:disconnected")).isEqualTo(1);
        await().atMost(TIMEOUT).until(() -> "DOWN".equals(healthStatus(actuator)));
        assertThat(actuator.parse(actuator.get("/actuator/health/zmq").body()).get("details").get("reason").asString())
                .contains("stream 'upstream' has had no handshaken peer")
                .contains("zmq.streams.upstream.max-time-without-peer");

        ZMQ.Socket back = PEERS.socket(SocketType.ROUTER);
        back.bind(ENDPOINT);
        await().atMost(TIMEOUT).until(() -> handshakenPeers(actuator) == 1);
        assertThat(onlyEndpoint(actuator).get("connects").asLong()).isEqualTo(2);
        assertThat(meter(actuator, "zmq.connections", "VALUE")).isEqualTo(1);
        assertThat(meter(actuator, "zmq.connection.events", "COUNT", "event:connected")).isEqualTo(2);
        await().atMost(TIMEOUT).until(() -> "UP".equals(healthStatus(actuator)));
        assertThat(upstream.getConnections().handshakenPeers()).isEqualTo(1);
    }

    private static int handshakenPeers(ActuatorClient actuator) {
        return actuator.getJson("/actuator/zmq/upstream").get("connections").get("handshakenPeers").asInt();
    }

    private static JsonNode onlyEndpoint(ActuatorClient actuator) {
        JsonNode endpoints = actuator.getJson("/actuator/zmq/upstream").get("connections").get("endpoints");
        assertThat(endpoints.size()).isEqualTo(1);
        return endpoints.get(0);
    }

    private static String healthStatus(ActuatorClient actuator) {
        return actuator.parse(actuator.get("/actuator/health/zmq").body()).get("status").asString();
    }

    /** A statistic of a meter of the upstream stream, narrowed by more {@code tag:value} pairs. */
    private static double meter(ActuatorClient actuator, String name, String statistic, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name).append("?tag=stream:upstream");
        for (String tag : tags) {
            path.append("&tag=").append(tag);
        }
        return ActuatorClient.statistic(actuator.getJson(path.toString()), statistic);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
