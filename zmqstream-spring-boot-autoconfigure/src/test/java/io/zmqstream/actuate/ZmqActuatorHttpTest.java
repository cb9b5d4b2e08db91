package io.zmqstream.actuate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole application with the actuator over real HTTP: the {@code zmq} meters, endpoint and
 * health, and a CURVE secret key and PLAIN passwords that show nowhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "zmq.streams.orders.type=pull", "zmq.streams.orders.bind=inproc://orders",
        "zmq.streams.counted.type=pull", "zmq.streams.counted.bind=inproc://counted",
        "zmq.streams.secure.type=rep", "zmq.streams.secure.bind=tcp://127.0.0.1:*",
        "zmq.streams.secure.curve.server=true",
        "zmq.streams.gate.type=rep", "zmq.streams.gate.bind=tcp://127.0.0.1:*", "zmq.streams.gate.plain.server=true",
        "zmq.streams.caller.type=dealer", "zmq.streams.caller.connect=tcp://127.0.0.1:1",
        "zmq.streams.caller.plain.username=ada",
        "management.endpoints.web.exposure.include=*",
        "management.endpoint.health.show-details=always",
        // The worst case for secrets: the env and configprops endpoints show values.
        "management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
        // Every line the starter logs, and the start-up's.
        "logging.level.root=info", "logging.level.io.zmqstream=trace" })
@ExtendWith(OutputCaptureExtension.class)
class ZmqActuatorHttpTest {

    private static final ZMQ.Curve.KeyPair SERVER_KEYS = ZMQ.Curve.generateKeyPair();
    private static final String USER_PASSWORD = "pw-" + UUID.randomUUID();
    private static final String CALLER_PASSWORD = "pw-" + UUID.randomUUID();

    @LocalServerPort
    private int port;

    @Autowired
    private ZContext context;

    @Autowired
    private ZmqIoLoop loop;

    @Autowired
    private Listeners listeners;

    @Autowired
    private ZmqListenerEndpointRegistry registry;

    @Autowired
    @Qualifier("secure")
    private ZMQStream secure;

    @Autowired
    @Qualifier("gate")
    private ZMQStream gate;

    private final List<ZMQ.Socket> peers = new ArrayList<>();

    private ActuatorClient actuator;

    @DynamicPropertySource
    static void curveKeys(DynamicPropertyRegistry registry) {
        registry.add("zmq.streams.secure.curve.public-key", () -> SERVER_KEYS.publicKey);
        registry.add("zmq.streams.secure.curve.secret-key", () -> SERVER_KEYS.secretKey);
        registry.add("zmq.streams.gate.plain.users.ada", () -> USER_PASSWORD);
        registry.add("zmq.streams.caller.plain.password", () -> CALLER_PASSWORD);
    }

    @AfterEach
    void closePeers() {
        peers.forEach(ZMQ.Socket::close);
    }

    @Test
    void theReceivedCounterOfAStreamShowsEveryMessageItReceived() {
        int messages = 250;
        ZMQ.Socket push = peer(SocketType.PUSH, "inproc://counted");
        for (int i = 0; i < messages; i++) {
            push.send("message " + i);
        }
        await().atMost(TIMEOUT).until(() -> listeners.counted.get() == messages);

        JsonNode received = actuator().getJson("/actuator/metrics/zmq.messages.received?tag=stream:counted");
        assertThat(count(received)).isEqualTo(messages);
        assertThat(tagValues(received, "socket.type")).containsExactly("PULL");
        assertThat(tagValues(received, "messaging.system")).containsExactly("zeromq");
        JsonNode bytes = actuator().getJson("/actuator/metrics/zmq.received?tag=stream:counted");
        long expectedBytes = 0;
        for (int i = 0; i < messages; i++) {
            expectedBytes += ("message " + i).length();
        }
        assertThat(count(bytes)).isEqualTo(expectedBytes);
        JsonNode timer = actuator().getJson(
                "/actuator/metrics/zmq.listener?tag=stream:counted&tag=result:success&tag=exception:none");
        assertThat(statistic(timer, "COUNT")).isEqualTo(messages);
        assertThat(tagValues(timer, "listener.id")).containsExactly("listeners.count");
        assertThat(actuator().getJson("/actuator/metrics/zmq.ioloop.lag").get("baseUnit").asString())
                .isEqualTo("seconds");
    }

    @Test
    void theEndpointListsTheLoopAndEveryStreamAndShowsOneByName() {
        JsonNode zmq = actuator().getJson("/actuator/zmq");

        assertThat(zmq.get("loop").get("thread").asString()).isEqualTo(loop.getThreadName());
        assertThat(zmq.get("loop").get("running").asBoolean()).isTrue();
        assertThat(fieldNames(zmq.get("streams"))).containsExactlyInAnyOrder("orders", "counted", "secure", "gate",
                "caller", "zap-handler");
        JsonNode orders = zmq.get("streams").get("orders");
        assertThat(orders.get("type").asString()).isEqualTo("PULL");
        assertThat(orders.get("bind").get(0).asString()).isEqualTo("inproc://orders");
        assertThat(orders.get("receiving").asBoolean()).isTrue();
        assertThat(orders.get("closed").asBoolean()).isFalse();
        assertThat(orders.get("listeners").get(0).get("id").asString()).isEqualTo("listeners.order");
        assertThat(zmq.get("streams").get("secure").get("bind").get(0).asString())
                .isEqualTo(TestPeers.boundEndpoint(secure));

        JsonNode one = actuator().getJson("/actuator/zmq/secure");
        assertThat(one.get("type").asString()).isEqualTo("REP");
        assertThat(actuator().get("/actuator/zmq/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void aPostPausesTheListenerAndMessagesWaitUntilAnotherResumesIt() throws InterruptedException {
        ZMQ.Socket push = peer(SocketType.PUSH, "inproc://orders");
        push.send("before");
        assertThat(listeners.nextOrder()).isEqualTo("before");

        JsonNode paused = actuator().postJson("/actuator/zmq/orders", "{\"action\":\"pause\"}");
        assertThat(paused.get("receiving").asBoolean()).isFalse();
        assertThat(paused.get("listeners").get(0).get("paused").asBoolean()).isTrue();
        int messages = 300;
        for (int i = 0; i < messages; i++) {
            push.send("order " + i);
        }
        await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> listeners.orders.isEmpty());
        long receivedWhilePaused = actuator().getJson("/actuator/zmq/orders").get("messagesReceived").asLong();

        actuator().postJson("/actuator/zmq/orders", "{\"action\":\"resume\"}");
        for (int i = 0; i < messages; i++) {
            assertThat(listeners.nextOrder()).isEqualTo("order " + i);
        }
        assertThat(actuator().getJson("/actuator/zmq/orders").get("messagesReceived").asLong())
                .isEqualTo(receivedWhilePaused + messages);
        assertRefused(actuator().post("/actuator/zmq/orders", "{\"action\":\"explode\"}"),
                "Unknown action 'explode'; use \"pause\" or \"resume\"");
        assertRefused(actuator().post("/actuator/zmq/nothing", "{\"action\":\"pause\"}"),
                "There is no stream named 'nothing'");

        // A resume is no start: a stopped listener stays stopped, and the answer says why.
        registry.stop("listeners.order");
        try {
            assertRefused(actuator().post("/actuator/zmq/orders", "{\"action\":\"resume\"}"),
                    "ZmqListenerEndpoint[listeners.order on orders] cannot resume: it is not started, the application "
                            + "stopped it; start() it first");
        }
        finally {
            registry.start("listeners.order");
        }
    }

    /** A refused request answers 400 with its reason in a JSON body. */
    private void assertRefused(java.net.http.HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = actuator().parse(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("message").asString()).isEqualTo(reason);
    }

    @Test
    void healthIsUpWhileTheLoopRunsAndDownOnceItIsStopped() {
        JsonNode health = actuator().getJson("/actuator/health");
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode zmq = health.get("components").get("zmq");
        assertThat(zmq.get("status").asString()).isEqualTo("UP");
        assertThat(fieldNames(zmq.get("details").get("streams"))).containsExactlyInAnyOrder("orders", "counted",
                "secure", "gate", "caller", "zap-handler");
        JsonNode orders = zmq.get("details").get("streams").get("orders");
        assertThat(fieldNames(orders)).containsExactly("type", "closed", "receiving", "queueDepth", "connections");
        assertThat(orders.get("type").asString()).isEqualTo("PULL");

        loop.stop();
        try {
            await().atMost(TIMEOUT).until(() -> actuator().get("/actuator/health").statusCode() == 503);
            JsonNode down = actuator().parse(actuator().get("/actuator/health/zmq").body());
            assertThat(down.get("status").asString()).isEqualTo("DOWN");
            assertThat(down.get("details").get("reason").asString()).contains("is not running");
        }
        finally {
            loop.start();
        }
        await().atMost(TIMEOUT).until(() -> actuator().get("/actuator/health").statusCode() == 200);
    }

    @Test
    void theSecretKeyAndThePasswordsAppearInNoEndpointAndNoLogLine(CapturedOutput output) {
        ZMQ.Socket client = context.createSocket(SocketType.REQ);
        peers.add(client);
        ZMQ.Curve.KeyPair clientKeys = ZMQ.Curve.generateKeyPair();
        client.setCurvePublicKey(ZMQ.Curve.z85Decode(clientKeys.publicKey));
        client.setCurveSecretKey(ZMQ.Curve.z85Decode(clientKeys.secretKey));
        client.setCurveServerKey(ZMQ.Curve.z85Decode(SERVER_KEYS.publicKey));
        client.setReceiveTimeOut((int) TIMEOUT.toMillis());
        client.connect(TestPeers.boundEndpoint(secure));
        client.send("sealed");
        assertThat(client.recvStr()).isEqualTo("sealed");

        gate.onRecv(gate::sendMultipart);
        ZMQ.Socket user = context.createSocket(SocketType.REQ);
        peers.add(user);
        user.setPlainUsername("ada");
        user.setPlainPassword(USER_PASSWORD);
        user.setReceiveTimeOut((int) TIMEOUT.toMillis());
        user.connect(TestPeers.boundEndpoint(gate));
        user.send("through the gate");
        assertThat(user.recvStr()).isEqualTo("through the gate");

        Map<String, String> bodies = everyEndpointsOutput();
        assertThat(bodies).containsKeys("zmq", "health", "env", "configprops", "metrics");
        bodies.forEach((name, body) -> assertThat(body).as("/actuator/%s", name).doesNotContain(SERVER_KEYS.secretKey)
                .doesNotContain(USER_PASSWORD).doesNotContain(CALLER_PASSWORD));
        assertThat(bodies.get("env")).contains("zmq.streams.gate.plain.users.ada").contains("zmq.streams.caller.plain.password");
        // The values are shown, and the secret key is there, masked.
        assertThat(bodies.get("env")).contains(SERVER_KEYS.publicKey).contains("zmq.streams.secure.curve.secret-key");
        assertThat(bodies.get("configprops")).contains(SERVER_KEYS.publicKey);
        // The capture holds the start-up, when the key was read and applied.
        assertThat(output).contains("Started ZmqActuatorHttpTest").doesNotContain(SERVER_KEYS.secretKey)
                .doesNotContain(USER_PASSWORD).doesNotContain(CALLER_PASSWORD);
    }

    /** What every actuator endpoint that can be read without parameters answers, by name. */
    private Map<String, String> everyEndpointsOutput() {
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode links = actuator().getJson("/actuator").get("_links");
        for (String name : fieldNames(links)) {
            JsonNode link = links.get(name);
            if (link.get("templated").asBoolean() || name.equals("heapdump") || name.equals("shutdown")) {
                continue;
            }
            HttpResponse<String> response = actuator().get(link.get("href").asString());
            assertThat(response.statusCode()).as("/actuator/%s", name).isIn(200, 503);
            bodies.put(name, response.body());
        }
        return bodies;
    }

    private ZMQ.Socket peer(SocketType type, String endpoint) {
        ZMQ.Socket socket = context.createSocket(type);
        peers.add(socket);
        socket.setSendTimeOut((int) TIMEOUT.toMillis());
        socket.connect(endpoint);
        return socket;
    }

    private ActuatorClient actuator() {
        if (actuator == null) {
            actuator = new ActuatorClient(port);
        }
        return actuator;
    }

    private static long count(JsonNode metric) {
        return statistic(metric, "COUNT");
    }

    private static long statistic(JsonNode metric, String statistic) {
        return (long) ActuatorClient.statistic(metric, statistic);
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        for (JsonNode availableTag : metric.get("availableTags")) {
            if (availableTag.get("tag").asString().equals(tag)) {
                List<String> values = new ArrayList<>();
                availableTag.get("values").forEach(value -> values.add(value.asString()));
                return values;
            }
        }
        return List.of();
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    /** The application: three streams from the properties above, and their listeners. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MonitoredApplication {

        @Bean
        Listeners listeners() {
            return new Listeners();
        }
    }

    /** Listeners on every stream. */
    static class Listeners {

        final BlockingQueue<String> orders = new LinkedBlockingQueue<>();
        final AtomicInteger counted = new AtomicInteger();

        @ZmqListener("orders")
        void order(String order) {
            orders.add(order);
        }

        @ZmqListener("counted")
        void count(byte[] message) {
            counted.incrementAndGet();
        }

        @ZmqListener("secure")
        String echo(String request) {
            return request;
        }

        String nextOrder() throws InterruptedException {
            String order = orders.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (order == null) {
                throw new AssertionError("no order within " + TIMEOUT);
            }
            return order;
        }
    }
}
