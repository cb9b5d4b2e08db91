package io.zmqstream.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.request-period=50ms")
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Autowired
    private EchoClient client;

    @LocalServerPort
    private int httpPort;

    @DynamicPropertySource
    static void freePort(DynamicPropertyRegistry registry) {
        int port = TestSocketUtils.findAvailableTcpPort();
        registry.add("sample.port", () -> port);
    }

    @Test
    void theRouterEchoesEveryRequestBackToTheDealer(CapturedOutput output) {
        await().atMost(TIMEOUT).until(() -> client.getReplies() >= 3);

        assertThat(output).contains("router <- hello 1 (from sample-client)", "dealer <- hello 1", "dealer <- hello 3");
    }

    @Test
    void theActuatorShowsBothStreamsTheirCountsAndTheZmqHealth() throws Exception {
        await().atMost(TIMEOUT).until(() -> client.getReplies() >= 3);

        JsonNode zmq = get("/actuator/zmq");
        assertThat(zmq.get("loop").get("thread").asString()).isEqualTo("sample-ioloop");
        JsonNode echo = zmq.get("streams").get("echo");
        assertThat(echo.get("type").asString()).isEqualTo("ROUTER");
        assertThat(echo.get("messagesReceived").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(zmq.get("streams").get("client").get("listeners").get(0).get("id").asString())
                .isEqualTo("echoClient.onReply");
        JsonNode received = get("/actuator/metrics/zmq.messages.received?tag=stream:client");
        assertThat(received.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(3);
        assertThat(get("/actuator/health").get("components").get("zmq").get("status").asString()).isEqualTo("UP");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
