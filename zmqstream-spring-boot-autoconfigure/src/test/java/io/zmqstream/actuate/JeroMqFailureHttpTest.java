package io.zmqstream.actuate;

import java.net.http.HttpResponse;

import io.zmqstream.JeroMqFailures;
import io.zmqstream.JeroMqRuntime;
import io.zmqstream.autoconfigure.TestPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An exception on one of the shared context's JeroMQ I/O threads, forced by an allocator that
 * throws on a socket of that context, over real HTTP: an ERROR naming the context, counted in
 * {@code zmq.jeromq.failures}, the {@code zmq} health DOWN with the reason, and no stack trace on
 * stderr. The endpoint names the JeroMQ runtime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=*", "management.endpoint.health.show-details=always" })
@ExtendWith(OutputCaptureExtension.class)
// The failing engine keeps its I/O thread busy: close the context rather than keep it for other tests.
@DirtiesContext
class JeroMqFailureHttpTest {

    private static final String FORCED = "forced on the I/O thread by the test";

    @LocalServerPort
    private int port;

    @Autowired
    private ZContext context;

    @Autowired
    private JeroMqFailures failures;

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void anExceptionOnAJeroMqIoThreadTurnsTheHealthDownWithItsReason(CapturedOutput output) {
        ActuatorClient actuator = new ActuatorClient(port);
        assertThat(actuator.getJson("/actuator/health").get("components").get("zmq").get("status").asString())
                .isEqualTo("UP");

        ZMQ.Socket failing = context.createSocket(SocketType.PULL);
        failing.setMsgAllocator(size -> {
            throw new IllegalStateException(FORCED);
        });
        int failingPort = failing.bindToRandomPort("tcp://127.0.0.1");
        ZMQ.Socket push = peers.socket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + failingPort);
        push.send("anything");
        await().atMost(TIMEOUT).until(() -> failures.getCount() > 0);

        HttpResponse<String> health = actuator.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode zmq = actuator.parse(health.body()).get("components").get("zmq");
        assertThat(zmq.get("status").asString()).isEqualTo("DOWN");
        assertThat(zmq.get("details").get("reason").asString()).contains("JeroMQ thread", FORCED);
        // The engine meets the same exception on every turn of its I/O thread: counted each time, logged once.
        assertThat(ActuatorClient.statistic(actuator.getJson("/actuator/metrics/zmq.jeromq.failures"), "COUNT"))
                .isPositive().isLessThanOrEqualTo(failures.getCount());
        assertThat(output.getOut()).contains("ERROR", "of context 'zmq' caught an exception", FORCED);
        assertThat(output.getOut().split("caught an exception and went on", -1)).hasSize(2);
        assertThat(output.getErr()).doesNotContain(FORCED);

        JsonNode runtime = actuator.getJson("/actuator/zmq").get("runtime");
        assertThat(runtime.get("artifact").asString()).isEqualTo(JeroMqRuntime.current().artifact());
        assertThat(runtime.get("version").asString()).isEqualTo(JeroMqRuntime.current().version()).isNotEqualTo("unknown");
        failing.close();
    }

    /** An application of the starter's defaults. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DefaultApplication {
    }
}
