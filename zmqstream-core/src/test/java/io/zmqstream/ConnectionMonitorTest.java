package io.zmqstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stream that watches its connections knows, per endpoint, its peers and what happened to them,
 * and heals the connections JeroMQ leaves stalled in their handshake without losing a message.
 */
class ConnectionMonitorTest extends LoopTestSupport {

    @Test
    void aConnectingStreamSeesItsPeerGoAwayAndComeBack() {
        ZMQStream dealer = stream(SocketType.DEALER);
        List<ZMonitor.Event> events = new CopyOnWriteArrayList<>();
        dealer.onConnectionEvent((stream, event) -> events.add(event.type()));
        try (ZContext peers = new ZContext()) {
            ZMQ.Socket router = peers.createSocket(SocketType.ROUTER);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            String endpoint = "tcp://127.0.0.1:" + port;
            dealer.connect(endpoint);

            await().atMost(TIMEOUT).until(() -> dealer.getConnections().handshakenPeers() == 1);
            EndpointConnections connected = only(dealer.getConnections());
            assertThat(connected.endpoint()).isEqualTo(endpoint);
            assertThat(connected.side()).isEqualTo(EndpointConnections.Side.CONNECT);
            assertThat(connected.peers()).isEqualTo(1);
            assertThat(connected.connects()).isEqualTo(1);
            // The callback hears each event just after the state took it in.
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events)
                    .containsSubsequence(ZMonitor.Event.CONNECTED, ZMonitor.Event.HANDSHAKE_PROTOCOL));

            router.close();
            await().atMost(TIMEOUT).until(() -> dealer.getConnections().handshakenPeers() == 0);
            EndpointConnections gone = only(dealer.getConnections());
            assertThat(gone.disconnects()).isEqualTo(1);
            assertThat(gone.peers()).isZero();
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(events).contains(ZMonitor.Event.DISCONNECTED));
            await().atMost(TIMEOUT).until(() -> !dealer.getConnections().withoutHandshakenPeer().isZero());

            ZMQ.Socket back = peers.createSocket(SocketType.ROUTER);
            back.bind(endpoint);
            await().atMost(TIMEOUT).until(() -> dealer.getConnections().handshakenPeers() == 1);
            EndpointConnections again = only(dealer.getConnections());
            assertThat(again.connects()).isEqualTo(2);
            assertThat(again.lastEvent()).isEqualTo(ZMonitor.Event.HANDSHAKE_PROTOCOL);
            assertThat(dealer.getConnections().withoutHandshakenPeer()).isZero();
            assertThat(dealer.getStatistics().getHandshakenPeers()).isEqualTo(1);
            assertThat(dealer.getStatistics().getConnectionEvents(ZMonitor.Event.DISCONNECTED)).isEqualTo(1);
        }
    }

    @Test
    void aBindingStreamCountsThePeersThatConnectAndLeave() {
        ZMQStream router = stream(SocketType.ROUTER);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        String endpoint = "tcp://127.0.0.1:" + port;
        try (PeerSockets peers = new PeerSockets()) {
            ZMQ.Socket first = peers.socket(SocketType.DEALER);
            first.connect(endpoint);
            ZMQ.Socket second = peers.socket(SocketType.DEALER);
            second.connect(endpoint);

            awaitHandshakenPeers(router, 2);
            EndpointConnections both = only(router.getConnections());
            assertThat(both.endpoint()).isEqualTo(endpoint);
            assertThat(both.side()).isEqualTo(EndpointConnections.Side.BIND);
            assertThat(both.peers()).isEqualTo(2);

            first.close();
            awaitHandshakenPeers(router, 1);
            // A peer whose handshake JeroMQ's connect race held up came again: all but one connection left.
            EndpointConnections one = only(router.getConnections());
            assertThat(one.peers()).isEqualTo(1);
            assertThat(one.disconnects()).isPositive().isEqualTo(one.connects() - 1);
        }
    }

    /** Waits for the stream to count {@code expected} handshaken peers; a timeout shows what it counted. */
    private static void awaitHandshakenPeers(ZMQStream stream, int expected) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            StreamConnections connections = stream.getConnections();
            assertThat(connections.handshakenPeers()).as("handshaken peers in %s", connections).isEqualTo(expected);
        });
    }

    @ParameterizedTest(name = "{0} I/O thread(s)")
    @ValueSource(ints = { 1, 3 })
    void aHandshakeJeroMqLeftStalledIsHealedAndNoQueuedMessageIsLost(int ioThreads) throws Exception {
        try (ZContext peers = new ZContext(); ZContext streams = new ZContext(ioThreads);
                ZmqIoLoop streamLoop = new ZmqIoLoop(streams, "healing-loop")) {
            streamLoop.start();
            ZMQ.Socket router = peers.createSocket(SocketType.ROUTER);
            router.setReceiveTimeOut((int) TIMEOUT.toMillis());
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            try (HeldGreetingRelay relay = new HeldGreetingRelay(port)) {
                ZMQStream dealer = new ZMQStream(streams.createSocket(SocketType.DEALER), streamLoop);
                dealer.setHandshakeHealAfter(Duration.ofMillis(100));
                for (int i = 0; i < 100; i++) {
                    dealer.sendString("m" + i);
                }
                connectThroughAStalledHandshake(dealer, relay);

                for (int i = 0; i < 100; i++) {
                    assertThat(router.recv()).as("identity of message %d", i).isNotNull();
                    assertThat(router.recvStr()).isEqualTo("m" + i);
                }
                // The handshake event reaches the loop on its own way, possibly after the messages.
                await().atMost(TIMEOUT).until(() -> dealer.getStatistics().getHandshakesHealed() == 1);
                assertThat(only(dealer.getConnections()).handshakesHealed()).isEqualTo(1);
                assertThat(dealer.getStatistics().getSendFailures()).isZero();
            }
        }
    }

    @Test
    void withoutHealingTheSameStallHoldsEveryMessageBack() throws Exception {
        try (ZContext peers = new ZContext()) {
            ZMQ.Socket router = peers.createSocket(SocketType.ROUTER);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            try (HeldGreetingRelay relay = new HeldGreetingRelay(port)) {
                ZMQStream dealer = stream(SocketType.DEALER);
                dealer.setHandshakeHealAfter(Duration.ZERO);
                dealer.sendString("held back");
                connectThroughAStalledHandshake(dealer, relay);

                await().during(Duration.ofSeconds(1)).atMost(TIMEOUT)
                        .until(() -> router.recv(ZMQ.DONTWAIT) == null && dealer.getConnections().handshakenPeers() == 0);
                dealer.close(0);
            }
        }
    }

    @Test
    void aStreamWatchesItsConnectionsFromItsCreationUnlessTheSocketHasAMonitorOrItStops() {
        ZMQStream watched = stream(SocketType.DEALER);
        assertThat(watched.isMonitoringConnections()).isTrue();
        assertThat(watched.getConnections().monitored()).isTrue();
        watched.stopMonitoringConnections();
        assertThat(watched.isMonitoringConnections()).isFalse();
        assertThat(watched.getConnections().monitored()).isFalse();
        watched.withSocket(socket -> assertThat(socket.monitor("inproc://monitor-after-stop", ZMQ.EVENT_ALL)).isTrue());

        ZMQ.Socket monitored = context.createSocket(SocketType.DEALER);
        monitored.monitor("inproc://someone-elses-monitor", ZMQ.EVENT_ALL);
        ZMQStream other = new ZMQStream(monitored, loop);
        assertThat(other.isMonitoringConnections()).isFalse();
        assertThat(other.getConnections().monitored()).isFalse();
    }

    /**
     * Connects the stream through the relay, puts its connection into the state JeroMQ's connect
     * race leaves it in while the peer's greeting is held, then lets the greeting through.
     */
    private static void connectThroughAStalledHandshake(ZMQStream stream, HeldGreetingRelay relay) throws Exception {
        stream.connect("tcp://127.0.0.1:" + relay.port());
        await().atMost(TIMEOUT).until(() -> stream.getConnections().peers() == 1);
        JeroMqConnectRace race = new JeroMqConnectRace(stream.getSocket(), relay.port());
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(race::stall);
        relay.release();
    }

    private static EndpointConnections only(StreamConnections connections) {
        assertThat(connections.monitored()).isTrue();
        assertThat(connections.endpoints()).hasSize(1);
        return connections.endpoints().get(0);
    }
}
