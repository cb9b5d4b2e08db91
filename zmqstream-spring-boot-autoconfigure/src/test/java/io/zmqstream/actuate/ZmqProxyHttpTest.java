package io.zmqstream.actuate;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.actuate.ActuatorClient.statistic;
import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A proxy from YAML seen and steered over real HTTP: the {@code zmq} endpoint and the {@code zmq.proxy.*} meters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zmq.streams.work-in.type=pull", "zmq.streams.work-in.bind=inproc://work-in",
        "zmq.streams.work-out.type=push", "zmq.streams.work-out.bind=inproc://work-out",
        "zmq.proxies.streamer.frontend=work-in", "zmq.proxies.streamer.backend=work-out",
        "management.endpoints.web.exposure.include=zmq, metrics" })
class ZmqProxyHttpTest {

    @LocalServerPort
    private int port;

    @Autowired
    private ZContext context;

    private final List<ZMQ.Socket> peers = new ArrayList<>();

    @AfterEach
    void closePeers() {
        peers.forEach(ZMQ.Socket::close);
    }

    @Test
    void theEndpointAndTheMetersCountWhatTheProxyForwarded() {
        ZMQ.Socket consumer = peer(SocketType.PULL, "inproc://work-out");
        ZMQ.Socket producer = peer(SocketType.PUSH, "inproc://work-in");
        for (int i = 0; i < 100; i++) {
            producer.send("job " + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(consumer.recvStr()).isEqualTo("job " + i);
        }
        ActuatorClient actuator = new ActuatorClient(port);

        JsonNode streamer = actuator.getJson("/actuator/zmq").get("proxies").get("streamer");
        assertThat(streamer.get("frontend").asString()).isEqualTo("work-in");
        assertThat(streamer.get("backend").asString()).isEqualTo("work-out");
        assertThat(streamer.get("state").asString()).isEqualTo("RUNNING");
        assertThat(streamer.get("messages").get("frontend-to-backend").asLong()).isGreaterThanOrEqualTo(100);
        JsonNode messages = actuator.getJson("/actuator/metrics/zmq.proxy.messages?tag=proxy:streamer"
                + "&tag=direction:frontend-to-backend");
        assertThat(statistic(messages, "COUNT")).isGreaterThanOrEqualTo(100);
        JsonNode bytes = actuator.getJson("/actuator/metrics/zmq.proxy.forwarded?tag=proxy:streamer"
                + "&tag=direction:frontend-to-backend");
        assertThat(statistic(bytes, "COUNT")).isGreaterThanOrEqualTo(590);
    }

    @Test
    void aPausedProxyHoldsItsMessagesUntilResumed() {
        ZMQ.Socket consumer = peer(SocketType.PULL, "inproc://work-out");
        ZMQ.Socket producer = peer(SocketType.PUSH, "inproc://work-in");
        ActuatorClient actuator = new ActuatorClient(port);

        actuator.postJson("/actuator/zmq/proxies/streamer", "{\"action\":\"pause\"}");
        await().atMost(TIMEOUT).until(() -> actuator.getJson("/actuator/zmq/proxies/streamer").get("state")
                .asString().equals("PAUSED"));
        producer.send("held");
        consumer.setReceiveTimeOut(300);
        assertThat(consumer.recvStr()).as("nothing while paused").isNull();

        actuator.postJson("/actuator/zmq/proxies/streamer", "{\"action\":\"resume\"}");
        consumer.setReceiveTimeOut((int) TIMEOUT.toMillis());
        assertThat(consumer.recvStr()).isEqualTo("held");
    }

    @Test
    void steeringAProxyThatDoesNotExistIsABadRequest() {
        HttpResponse<String> response = new ActuatorClient(port).post("/actuator/zmq/proxies/nowhere",
                "{\"action\":\"pause\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("/actuator/zmq/proxies/nowhere")
                .contains("\"message\":\"There is no proxy named 'nowhere'\"");
    }

    private ZMQ.Socket peer(SocketType type, String endpoint) {
        ZMQ.Socket socket = context.createSocket(type);
        peers.add(socket);
        socket.setSendTimeOut((int) TIMEOUT.toMillis());
        socket.setReceiveTimeOut((int) TIMEOUT.toMillis());
        socket.connect(endpoint);
        return socket;
    }

    /** The application: the two streams and the proxy from the properties above. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProxyApplication {
    }
}
