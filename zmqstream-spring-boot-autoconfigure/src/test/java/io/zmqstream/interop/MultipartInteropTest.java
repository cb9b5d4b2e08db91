package io.zmqstream.interop;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Multipart messages between our streams and pyzmq, both ways: empty frames, 0-byte messages,
 * 4 MiB frames, and a burst of 10,000 three-frame messages, all back unchanged and in order.
 */
@PyzmqInterop
@Timeout(60)
class MultipartInteropTest {

    private static final int BURST = 10_000;

    private static final byte[] EMPTY = new byte[0];

    @Test
    void pyzmqMessagesOfEveryShapeComeBackUnchangedFromARouterListener() {
        InteropApplication.of("multipart.yml", "echo-service").withUserConfiguration(Echo.class).run(context -> {
            ZMQStream echo = context.getBean("echo", ZMQStream.class);
            try (PyzmqPeer dealer = PyzmqPeer.start("multipart.py", "--connect", boundEndpoint(echo), "--burst", "" + BURST)) {
                JsonNode result = dealer.result();
                assertThat(result.get("shapes_echoed").asInt()).isEqualTo(result.get("shapes").asInt()).isEqualTo(6);
                assertThat(result.get("burst_sent").asInt()).isEqualTo(BURST);
                assertThat(result.get("burst_received").asInt()).isEqualTo(BURST);
                assertThat(result.get("burst_in_order").asInt()).isEqualTo(BURST);
            }
        });
    }

    @Test
    void aDealerStreamsMessagesOfEveryShapeComeBackUnchangedFromAPyzmqRouter() {
        byte[] fourMiB = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(fourMiB);
        List<List<byte[]>> shapes = List.of(List.of(EMPTY), List.of(EMPTY, EMPTY, EMPTY), List.of(bytes("head"), EMPTY, bytes("tail")),
                List.of(EMPTY, fourMiB), List.of(fourMiB, EMPTY, new byte[1024], EMPTY));
        List<List<byte[]>> burst = IntStream.range(0, BURST).mapToObj(n -> List.of(EMPTY, bytes("burst-" + n), EMPTY)).toList();

        try (PyzmqPeer router = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*")) {
            InteropApplication.of("multipart.yml", "dealer-client", "interop.peer=" + router.endpoint()).run(context -> {
                ZMQStream echo = context.getBean("echo", ZMQStream.class);
                List<List<byte[]>> received = new CopyOnWriteArrayList<>();
                echo.onRecv(received::add);

                shapes.forEach(echo::sendMultipart);
                burst.forEach(echo::sendMultipart);

                await().atMost(TIMEOUT).until(() -> received.size() == shapes.size() + BURST);
                for (int n = 0; n < shapes.size() + BURST; n++) {
                    List<byte[]> sent = n < shapes.size() ? shapes.get(n) : burst.get(n - shapes.size());
                    assertThat(received.get(n)).as("message %d", n).containsExactlyElementsOf(sent);
                }
            });
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A ROUTER listener that sends every message's body back behind its envelope. */
    @Configuration(proxyBeanMethods = false)
    static class Echo {

        @ZmqListener("echo")
        List<byte[]> echo(List<byte[]> body) {
            return body;
        }
    }
}
