package io.zmqstream.interop;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.zmqstream.Frame;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerErrorHandler;
import io.zmqstream.listener.ZmqListenerMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 100,800 hostile messages, half from pyzmq and half from JeroMQ, into a listener of every
 * argument type: random bytes, invalid UTF-8, malformed, huge and deeply nested JSON, empty frames
 * and runs of delimiters, 1 to 64 frames of up to 64 KiB. Nothing crashes or stalls: each message
 * reaches its listener or, when it cannot be converted, the error handler; the good orders sent in
 * between all arrive; JSON nested deeper than Jackson's 500 levels is refused by Jackson itself.
 */
@PyzmqInterop
@Timeout(180)
class HostileInputInteropTest {

    private static final List<String> STREAMS = List.of("text", "bytes", "frames", "zmsg", "zframes", "message", "raw",
            "json", "routed");
    private static final int PER_SOURCE = 5_600;
    private static final int GOOD_EVERY = 100;
    private static final Pattern GOOD_ORDER = Pattern.compile("\\{\"id\":\"(pyzmq|jeromq)-\\d+\",\"quantity\":1}");

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void everyHostileMessageReachesItsListenerOrTheErrorHandlerAndEveryGoodOneArrives() {
        InteropApplication.of("hostile.yml", "hostile").withUserConfiguration(EveryArgumentType.class).run(context -> {
            EveryArgumentType listeners = context.getBean(EveryArgumentType.class);
            for (int s = 0; s < STREAMS.size(); s++) {
                String stream = STREAMS.get(s);
                String type = stream.equals("routed") ? "dealer" : "push";
                try (PyzmqPeer fuzzer = PyzmqPeer.start("fuzzer.py", "--type", type, "--connect", endpoint(context, stream),
                        "--count", "" + PER_SOURCE, "--seed", "" + s, "--good-every", "" + GOOD_EVERY, "--source", "pyzmq")) {
                    sendFromJeroMq(context, stream, s);
                    assertThat(fuzzer.result().get("sent").asInt()).isEqualTo(PER_SOURCE);
                }
            }

            int perStream = 2 * PER_SOURCE;
            await().atMost(TestPeers.TIMEOUT.multipliedBy(6)).untilAsserted(() -> assertThat(STREAMS.stream()
                    .collect(Collectors.toMap(stream -> stream, stream -> listeners.handled(stream) + " handled of "
                            + context.getBean(stream, ZMQStream.class).getStatistics().getMessagesReceived() + " received")))
                    .allSatisfy((stream, handled) -> assertThat(handled).isEqualTo(perStream + " handled of " + perStream + " received")));
            for (String stream : STREAMS) {
                assertThat(listeners.good(stream)).as("good orders on %s", stream).hasSize(2 * (PER_SOURCE / GOOD_EVERY));
                assertThat(context.getBean(stream, ZMQStream.class).getStatistics().getMessagesReceived()).isEqualTo(perStream);
                if (!stream.equals("json")) {
                    assertThat(listeners.failures(stream)).as("failures on %s", stream).isZero();
                }
            }
            assertThat(listeners.failures("json")).isPositive();
            assertThat(listeners.depthRefusals.get()).as("JSON refused for its nesting depth").isPositive();
            System.out.printf("HostileInputInteropTest: %,d messages; the JSON listener took %,d and its error handler %,d%n",
                    STREAMS.size() * perStream, perStream - listeners.failures("json"), listeners.failures("json"));
        });
    }

    private void sendFromJeroMq(ApplicationContext context, String stream, int seed) {
        ZMQ.Socket socket = peers.socket(stream.equals("routed") ? SocketType.DEALER : SocketType.PUSH);
        socket.setSndHWM(0);
        socket.connect(endpoint(context, stream));
        HostileMessages messages = new HostileMessages(1_000 + seed, "jeromq", GOOD_EVERY);
        for (int n = 0; n < PER_SOURCE; n++) {
            List<byte[]> frames = messages.next();
            for (int i = 0; i < frames.size(); i++) {
                socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            }
        }
    }

    private static String endpoint(ApplicationContext context, String stream) {
        return boundEndpoint(context.getBean(stream, ZMQStream.class));
    }

    /** A listener of each argument type; each notes the good orders it sees, the error handler what failed. */
    @Configuration(proxyBeanMethods = false)
    static class EveryArgumentType {

        final AtomicInteger depthRefusals = new AtomicInteger();
        private final Map<String, AtomicInteger> taken = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> goodOrders = new ConcurrentHashMap<>();

        int handled(String stream) {
            return count(taken, stream).get() + failures(stream);
        }

        int failures(String stream) {
            return count(failed, stream).get();
        }

        Set<String> good(String stream) {
            return goodOrders.computeIfAbsent(stream, key -> ConcurrentHashMap.newKeySet());
        }

        @ZmqListener(value = "text", errorHandler = "countingErrorHandler")
        void text(String text) {
            took("text", text.getBytes(StandardCharsets.UTF_8));
        }

        @ZmqListener(value = "bytes", errorHandler = "countingErrorHandler")
        void bytes(byte[] bytes) {
            took("bytes", bytes);
        }

        @ZmqListener(value = "frames", errorHandler = "countingErrorHandler")
        void frames(List<byte[]> frames) {
            took("frames", frames.get(frames.size() - 1));
        }

        @ZmqListener(value = "zmsg", errorHandler = "countingErrorHandler")
        void zmsg(ZMsg message) {
            took("zmsg", message.getLast().getData());
        }

        @ZmqListener(value = "zframes", errorHandler = "countingErrorHandler")
        void zframes(List<ZFrame> frames) {
            took("zframes", frames.get(frames.size() - 1).getData());
        }

        @ZmqListener(value = "message", errorHandler = "countingErrorHandler")
        void message(ZmqListenerMessage message) {
            took("message", message.getBody().get(message.getBody().size() - 1));
        }

        @ZmqListener(value = "raw", copy = false, errorHandler = "countingErrorHandler")
        void raw(List<Frame> frames) {
            took("raw", frames.get(frames.size() - 1).data());
        }

        @ZmqListener(value = "json", errorHandler = "countingErrorHandler")
        void json(Order order) {
            took("json", order.quantity() == 1 && order.id() != null ? HostileMessages.goodOrder(order.id()) : new byte[0]);
        }

        @ZmqListener(value = "routed", errorHandler = "countingErrorHandler")
        void routed(RoutingEnvelope envelope, List<byte[]> body) {
            took("routed", body.get(body.size() - 1));
        }

        @Bean
        ZmqListenerErrorHandler countingErrorHandler() {
            return (message, exception) -> {
                for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                    if (String.valueOf(cause.getMessage()).contains("nesting depth")) {
                        depthRefusals.incrementAndGet();
                        break;
                    }
                }
                count(failed, exception.getStreamName()).incrementAndGet();
                return null;
            };
        }

        private void took(String stream, byte[] last) {
            if (GOOD_ORDER.matcher(new String(last, StandardCharsets.UTF_8)).matches()) {
                good(stream).add(new String(last, StandardCharsets.UTF_8));
            }
            count(taken, stream).incrementAndGet();
        }

        private static AtomicInteger count(Map<String, AtomicInteger> counts, String stream) {
            return counts.computeIfAbsent(stream, key -> new AtomicInteger());
        }
    }

    /** What the JSON listener reads. */
    record Order(String id, int quantity) {
    }
}
