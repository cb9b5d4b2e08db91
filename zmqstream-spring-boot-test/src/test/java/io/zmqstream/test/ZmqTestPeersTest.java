package io.zmqstream.test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The peers without Spring, on a real loop and real sockets over tcp: each peer type against each
 * stream type it serves, JSON both ways, no slow joiner either way, and assertions that wait.
 */
class ZmqTestPeersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ZContext context;
    private ZmqIoLoop loop;
    private ZmqTestPeers peers;
    /** What the stream under test received, in order. */
    private final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void startLoop() {
        context = new ZContext();
        loop = new ZmqIoLoop(context, "peers-test-loop");
        loop.start();
        peers = new ZmqTestPeers();
    }

    @AfterEach
    void closeAll() {
        peers.close();
        loop.close();
        context.close();
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(SocketType.PULL, SocketType.PUSH), Arguments.of(SocketType.PUSH, SocketType.PULL),
                Arguments.of(SocketType.PAIR, SocketType.PAIR),
                Arguments.of(SocketType.PUB, SocketType.SUB), Arguments.of(SocketType.PUB, SocketType.XSUB),
                Arguments.of(SocketType.XPUB, SocketType.SUB), Arguments.of(SocketType.XPUB, SocketType.XSUB),
                Arguments.of(SocketType.SUB, SocketType.XPUB), Arguments.of(SocketType.XSUB, SocketType.XPUB),
                Arguments.of(SocketType.REP, SocketType.REQ), Arguments.of(SocketType.REP, SocketType.DEALER),
                Arguments.of(SocketType.ROUTER, SocketType.DEALER), Arguments.of(SocketType.ROUTER, SocketType.REQ),
                Arguments.of(SocketType.REQ, SocketType.REP), Arguments.of(SocketType.REQ, SocketType.ROUTER),
                Arguments.of(SocketType.DEALER, SocketType.ROUTER), Arguments.of(SocketType.DEALER, SocketType.DEALER),
                Arguments.of(SocketType.DEALER, SocketType.REP));
    }

    @ParameterizedTest(name = "a {1} peer of a {0} stream")
    @MethodSource("pairs")
    void eachPeerTypeTalksToEachStreamTypeItServes(SocketType streamType, SocketType peerType) throws Exception {
        ZMQStream stream = bound(streamType);
        ZmqTestPeer peer = peers.peer(stream, peerType);
        assertThat(peer.type()).isEqualTo(peerType);
        assertThat(peer.endpoint()).isEqualTo(stream.getBoundEndpoints().get(0)).doesNotEndWith(":*");

        switch (streamType) {
            case PULL, SUB, XSUB -> {
                if (streamType == SocketType.SUB) {
                    stream.subscribe("topic");
                }
                if (streamType == SocketType.XSUB) {
                    stream.sendMultipart(List.of(new byte[] { 1 }));
                }
                peer.sendString("topic", "hello");
                assertThat(next()).containsExactly("topic", "hello");
            }
            case PUSH, PUB, XPUB -> {
                if (peerType == SocketType.SUB || peerType == SocketType.XSUB) {
                    peer.subscribe("topic");
                }
                stream.sendMultipart(frames("topic", "hello"));
                peer.expectMessage("topic", "hello");
            }
            case PAIR -> {
                peer.sendString("ping");
                assertThat(next()).containsExactly("ping");
                stream.sendString("pong");
                peer.expectMessage("pong");
            }
            case REP, ROUTER -> assertThat(peer.request("ping").lastText()).isEqualTo("echo ping");
            case REQ, DEALER -> {
                // A REP peer reads past the empty delimiter that a REQ adds and a DEALER sends itself.
                stream.sendMultipart(streamType == SocketType.DEALER && peerType == SocketType.REP
                        ? frames("", "ping") : frames("ping"));
                ZmqTestMessage asked = peer.expectMessage();
                assertThat(asked.lastText()).isEqualTo("ping");
                List<byte[]> reply = new ArrayList<>(asked.frames().subList(0, asked.size() - 1));
                reply.add("pong".getBytes(StandardCharsets.UTF_8));
                peer.sendMultipart(reply);
                assertThat(next()).last().isEqualTo("pong");
            }
            default -> throw new IllegalArgumentException(streamType.toString());
        }
    }

    @Test
    void aPeerBindsWhereAStreamConnects() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ZMQStream stream = stream(SocketType.PUSH);
        stream.connect("tcp://127.0.0.1:" + port);
        ZmqTestPeer peer = peers.peer(stream);

        assertThat(peer.type()).isEqualTo(SocketType.PULL);
        assertThat(peer.endpoint()).isEqualTo("tcp://127.0.0.1:" + port);
        stream.sendString("queued before the peer was there");
        peer.expectMessage("queued before the peer was there");
    }

    @Test
    void aRouterStreamReachesAPeerByTheIdentityItWasGiven() {
        ZMQStream router = bound(SocketType.ROUTER);
        ZmqTestPeer peer = peers.peer(router, SocketType.DEALER, "client-7");
        // The handshake is done once an echo has come back.
        assertThat(peer.request("ping").lastText()).isEqualTo("echo ping");

        router.sendMultipart(frames("client-7", "addressed"));

        peer.expectMessage("addressed");
    }

    @Test
    void jsonGoesBothWays() throws Exception {
        ZMQStream stream = bound(SocketType.PAIR);
        ZmqTestPeer peer = peers.peer(stream);

        peer.sendJson(new Order("tea", 3));
        assertThat(next()).containsExactly("{\"item\":\"tea\",\"quantity\":3}");
        stream.sendJson(new Order("coffee", 2));
        assertThat(peer.expectJson(Order.class)).isEqualTo(new Order("coffee", 2));
        peer.sendJson(new Order("cake", 1), "orders");
        assertThat(next()).containsExactly("orders", "{\"item\":\"cake\",\"quantity\":1}");
    }

    @Test
    void theFirstMessagePublishedRightAfterSubscribeArrivesEveryTime() {
        ZMQStream publisher = bound(SocketType.PUB);
        for (int run = 0; run < 100; run++) {
            try (ZmqTestPeer subscriber = peers.peer(publisher)) {
                subscriber.subscribe("prices");
                publisher.sendMultipart(frames("prices", "run " + run));
                subscriber.expectMessage("prices", "run " + run);
            }
        }
    }

    @Test
    void theFirstMessageAnXpubPeerPublishesReachesTheSubscribingStreamEveryTime() throws Exception {
        ZMQStream subscriber = bound(SocketType.SUB);
        subscriber.subscribe("prices");
        for (int run = 0; run < 100; run++) {
            try (ZmqTestPeer publisher = peers.peer(subscriber)) {
                assertThat(publisher.type()).isEqualTo(SocketType.XPUB);
                publisher.sendString("prices", "run " + run);
                assertThat(next()).containsExactly("prices", "run " + run);
            }
        }
    }

    @Test
    void theAssertionsWaitAndSayWhatWentWrong() throws Exception {
        ZMQStream stream = bound(SocketType.PUSH);
        ZmqTestPeer peer = peers.peer(stream);

        peer.expectNothingFor(Duration.ofMillis(100));
        stream.sendString("late");
        assertThatThrownBy(() -> peer.expectNothingFor(Duration.ofSeconds(5))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no message for PT5S but received ZmqTestMessage[late]");
        stream.sendString("one");
        assertThatThrownBy(() -> peer.expectMessage("other")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected a message [other] but received [one]");
        stream.sendString("not json");
        assertThatThrownBy(() -> peer.expectJson(Order.class)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not JSON of " + Order.class.getName());
    }

    @Test
    void aPeerThatCannotTalkToTheStreamIsRefused() {
        ZMQStream stream = bound(SocketType.PULL);

        assertThatThrownBy(() -> peers.peer(stream, SocketType.PULL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A PULL peer cannot talk to stream").hasMessageContaining("[PUSH]");
        assertThatThrownBy(() -> peers.peer("orders")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No stream named 'orders'");
    }

    private ZMQStream stream(SocketType type) {
        ZMQStream stream = new ZMQStream(context.createSocket(type), loop);
        switch (type) {
            case REP, ROUTER -> stream.onRecv(frames -> {
                List<byte[]> reply = new ArrayList<>(frames.subList(0, frames.size() - 1));
                reply.add(("echo " + new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
                stream.sendMultipart(reply);
            });
            case PUSH, PUB -> {
            }
            default -> stream.onRecv(frames -> received.add(frames.stream().map(frame -> new String(frame, StandardCharsets.UTF_8)).toList()));
        }
        return stream;
    }

    private ZMQStream bound(SocketType type) {
        ZMQStream stream = stream(type);
        stream.bind("tcp://127.0.0.1:*");
        return stream;
    }

    private List<String> next() throws InterruptedException {
        List<String> frames = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(frames).as("a message received by the stream within %s", TIMEOUT).isNotNull();
        return frames;
    }

    private static List<byte[]> frames(String... texts) {
        return Stream.of(texts).map(text -> text.getBytes(StandardCharsets.UTF_8)).toList();
    }

    record Order(String item, int quantity) {
    }
}
