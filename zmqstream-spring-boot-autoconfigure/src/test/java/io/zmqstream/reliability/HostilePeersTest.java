package io.zmqstream.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import io.zmqstream.JeroMqRuntime;
import io.zmqstream.StreamStatistics;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.autoconfigure.ZmqAutoConfiguration;
import io.zmqstream.autoconfigure.ZmqProperties;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Strangers writing raw bytes to a PULL stream and to a ROUTER listener, both on the NULL
 * mechanism with the defaults, while a well-behaved peer sends each of them a message every 10 ms.
 * Whatever a stranger sends, the good messages keep arriving with no gap over a second, a fresh
 * good peer gets through, nothing of the stranger's reaches a listener, and what it did is counted.
 */
@SpringBootTest(classes = HostilePeersTest.Listeners.class, properties = {
        "zmq.streams.pull.type=pull", "zmq.streams.pull.bind=tcp://127.0.0.1:*",
        "zmq.streams.router.type=router", "zmq.streams.router.bind=tcp://127.0.0.1:*" })
@Timeout(120)
class HostilePeersTest {

    private static final Duration MAX_GAP = Duration.ofSeconds(1);
    private static final Duration HELD = Duration.ofSeconds(2);
    private static final Pattern GOOD = Pattern.compile("(good|fresh)-\\d+");
    private static final long BOUND = ZmqProperties.Stream.DEFAULT_MAX_MESSAGE_SIZE.toBytes();

    @Autowired
    private Listeners listeners;

    @Autowired
    @Qualifier("pull")
    private ZMQStream pull;

    @Autowired
    @Qualifier("router")
    private ZMQStream router;

    private final TestPeers peers = new TestPeers();
    private GoodPeer goodPeer;

    @BeforeEach
    void startTheGoodPeer() {
        listeners.bodies.clear();
        goodPeer = GoodPeer.start(peers, boundEndpoint(pull), boundEndpoint(router));
        await().atMost(TIMEOUT).until(() -> listeners.arrivals("pull").size() > 5 && listeners.arrivals("router").size() > 5);
    }

    @AfterEach
    void stopThePeers() {
        goodPeer.close();
        peers.close();
    }

    @Test
    void aNegativeLengthIsDroppedBeforeAnyAllocation() throws Exception {
        // JeroMQ 0.6.0 hands it to the guard, which drops it as a frame; 0.7.0 drops the connection.
        boolean guarded = JeroMqRuntime.current().artifact().equals(JeroMqRuntime.ZEROMQ_ARTIFACT);
        attack(guarded ? StreamStatistics::getInvalidFrames : disconnected(), (stream, type) -> {
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), HELD)) {
                stranger.handshake(type).announce(-1L);
                assertThat(stranger.closedByStream()).isEqualTo(!guarded);
            }
        });
    }

    @Test
    void aLengthOverTheBoundDisconnectsThePeerBeforeItsBodyIsRead() throws Exception {
        attack(StreamStatistics::getOversizePeers, (stream, type) -> {
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), TIMEOUT)) {
                stranger.handshake(type).announce(BOUND + 1);
                assertThat(stranger.closedByStream()).isTrue();
            }
        });
        assertThat(pull.getStatistics().getOversizePeers()).isEqualTo(1);
    }

    @Test
    void aLengthAtTheBoundWithNoBodyHeldOpenHoldsNothingElseUp() throws Exception {
        attack(accepted(), (stream, type) -> {
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), HELD)) {
                stranger.handshake(type).announce(BOUND);
                assertThat(stranger.closedByStream()).as("held open, waiting for the body").isFalse();
            }
        });
    }

    @Test
    void truncatedGreetingsAreForgotten() throws Exception {
        attack(accepted(), (stream, type) -> {
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), HELD)) {
                stranger.write(Arrays.copyOf(RawZmtpPeer.greeting("NULL"), 11));
                assertThat(stranger.closedByStream()).isFalse();
            }
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), HELD)) {
                stranger.write(Arrays.copyOf(RawZmtpPeer.greeting("NULL"), 40));
            }
        });
    }

    @Test
    void garbageGreetingsAreRefused() throws Exception {
        Random random = new Random(22);
        attack(accepted(), (stream, type) -> {
            for (byte[] garbage : List.of("GET / HTTP/1.1\r\nHost: zmq\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                    randomBytes(random, 4096), randomBytes(random, 64))) {
                try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), HELD)) {
                    stranger.write(garbage);
                    stranger.closedByStream();
                }
            }
        });
    }

    @Test
    void anUnknownMechanismIsRefused() throws Exception {
        attack(disconnected(), (stream, type) -> {
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), TIMEOUT)) {
                stranger.write(RawZmtpPeer.greeting("EVIL"));
                assertThat(stranger.closedByStream()).isTrue();
            }
        });
    }

    @Test
    void aGreetingSentAByteASecondStallsOnlyItself() throws Exception {
        attack(accepted(), (stream, type) -> {
            byte[] greeting = RawZmtpPeer.greeting("NULL");
            try (RawZmtpPeer stranger = RawZmtpPeer.connect(port(stream), Duration.ofSeconds(1))) {
                for (int i = 0; i < 4; i++) {
                    stranger.write(new byte[] { greeting[i] });
                    assertThat(stranger.closedByStream()).isFalse(); // waits a second
                }
            }
        });
    }

    @Test
    void twoHundredConnectionsOpenedAndHeldHoldNothingElseUp() throws Exception {
        attack(accepted(), (stream, type) -> {
            List<RawZmtpPeer> held = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    held.add(RawZmtpPeer.connect(port(stream), HELD));
                }
                await().atMost(TIMEOUT).until(() -> stream.getStatistics()
                        .getConnectionEvents(ZMonitor.Event.ACCEPTED) >= 200);
                freshPeerGetsThrough(stream);
                assertThat(held.get(0).closedByStream()).isFalse();
            }
            finally {
                for (RawZmtpPeer peer : held) {
                    peer.close();
                }
            }
        });
    }

    /**
     * Runs the attack on both streams, one after the other, and checks what every attack must leave:
     * no gap over a second in the good traffic, a fresh peer served, only good messages delivered,
     * and the attack counted.
     */
    private void attack(ToLongFunction<StreamStatistics> counted, Attack attack) throws Exception {
        for (Map.Entry<ZMQStream, String> target : Map.of(pull, "PUSH", router, "DEALER").entrySet()) {
            ZMQStream stream = target.getKey();
            long countedBefore = counted.applyAsLong(stream.getStatistics());
            long start = System.nanoTime();
            attack.on(stream, target.getValue());
            await().atMost(TIMEOUT).until(() -> counted.applyAsLong(stream.getStatistics()) > countedBefore);
            freshPeerGetsThrough(stream);
            long end = System.nanoTime() + MAX_GAP.toNanos();
            await().until(() -> System.nanoTime() > end);
            assertThat(listeners.longestGap(stream.getName(), start, end)).as("longest gap in %s's good traffic", stream)
                    .isLessThan(MAX_GAP);
        }
        assertThat(listeners.bodies).allSatisfy(body -> assertThat(body).matches(GOOD));
    }

    private void freshPeerGetsThrough(ZMQStream stream) {
        SocketType type = stream == pull ? SocketType.PUSH : SocketType.DEALER;
        ZMQ.Socket fresh = peers.socket(type);
        fresh.connect(boundEndpoint(stream));
        String body = "fresh-" + System.nanoTime();
        fresh.send(body);
        await().atMost(TIMEOUT).until(() -> listeners.bodies.contains(body));
        fresh.close();
    }

    private static ToLongFunction<StreamStatistics> accepted() {
        return statistics -> statistics.getConnectionEvents(ZMonitor.Event.ACCEPTED);
    }

    private static ToLongFunction<StreamStatistics> disconnected() {
        return statistics -> statistics.getConnectionEvents(ZMonitor.Event.DISCONNECTED);
    }

    private static int port(ZMQStream stream) {
        String endpoint = boundEndpoint(stream);
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One stranger's bytes against one stream, whose peers are of {@code peerType}. */
    @FunctionalInterface
    interface Attack {

        void on(ZMQStream stream, String peerType) throws IOException;
    }

    /** What the listeners took, and when. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ZmqAutoConfiguration.class)
    static class Listeners {

        final List<String> bodies = new CopyOnWriteArrayList<>();
        private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

        @ZmqListener("pull")
        void pull(String body) {
            took("pull", body);
        }

        @ZmqListener("router")
        void router(List<byte[]> frames) {
            took("router", new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8));
        }

        private void took(String stream, String body) {
            bodies.add(body);
            arrivals(stream).add(System.nanoTime());
        }

        List<Long> arrivals(String stream) {
            return arrivals.computeIfAbsent(stream, name -> new CopyOnWriteArrayList<>());
        }

        /** The longest time between two arrivals on the stream, or at either end, within the window. */
        Duration longestGap(String stream, long fromNanos, long toNanos) {
            long previous = fromNanos;
            long longest = 0;
            for (long arrival : arrivals(stream)) {
                if (arrival < fromNanos || arrival > toNanos) {
                    continue;
                }
                longest = Math.max(longest, arrival - previous);
                previous = arrival;
            }
            return Duration.ofNanos(Math.max(longest, toNanos - previous));
        }
    }
}
