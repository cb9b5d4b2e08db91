package io.zmqstream;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connections that never handshake (a load balancer's or Kubernetes' tcp probe, a silent stranger)
 * cannot make a live peer count as not handshaken, and an inproc stream never counts as without a
 * peer. Before, JeroMQ's handshake event, which names no connection, was credited to the oldest
 * waiting one: the probe took the live peer's handshake and, closing, took it away.
 */
class SilentConnectionsTest extends LoopTestSupport {

    @Test
    void aProbeThatConnectsBeforeALivePeerAndLeavesLeavesThePeerHandshaken() throws Exception {
        ZMQStream router = stream(SocketType.ROUTER);
        List<String> received = new CopyOnWriteArrayList<>();
        router.onRecv(frames -> received.add(text(frames.get(frames.size() - 1))));
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        try (Socket probe = new Socket(); ZContext peers = new ZContext()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port));
            await().atMost(TIMEOUT).until(() -> router.getConnections().peers() == 1);
            ZMQ.Socket dealer = peers.createSocket(SocketType.DEALER);
            dealer.setHandshakeIvl((int) PeerSockets.HANDSHAKE_INTERVAL.toMillis());
            dealer.connect("tcp://127.0.0.1:" + port);
            dealer.send("hello");
            await().atMost(TIMEOUT).until(() -> received.contains("hello"));
            await().atMost(TIMEOUT).until(() -> router.getConnections().handshakenPeers() == 1);
            assertThat(router.getConnections().peers()).isEqualTo(2);

            probe.close();
            await().atMost(TIMEOUT).until(() -> router.getConnections().peers() == 1);

            StreamConnections after = router.getConnections();
            assertThat(after.peers()).isEqualTo(1);
            assertThat(after.handshakenPeers()).as("the live peer, still handshaken").isEqualTo(1);
            assertThat(after.withoutHandshakenPeer()).isZero();
            assertThat(router.getStatistics().getHandshakenPeers()).isEqualTo(1);
        }
    }

    @Test
    void aPeerThatLeavesWhileASilentConnectionWaitsIsNoLongerCountedOnceJeroMqDropsTheSilentOne() throws Exception {
        ZMQStream router = stream(SocketType.ROUTER);
        router.withSocket(socket -> socket.setHandshakeIvl(300));
        List<String> received = new CopyOnWriteArrayList<>();
        router.onRecv(frames -> received.add(text(frames.get(frames.size() - 1))));
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        try (ZContext peers = new ZContext(); Socket silent = new Socket()) {
            ZMQ.Socket dealer = peers.createSocket(SocketType.DEALER);
            dealer.setHandshakeIvl((int) PeerSockets.HANDSHAKE_INTERVAL.toMillis());
            dealer.connect("tcp://127.0.0.1:" + port);
            dealer.send("hello");
            await().atMost(TIMEOUT).until(() -> received.contains("hello"));
            silent.connect(new InetSocketAddress("127.0.0.1", port));
            await().atMost(TIMEOUT).until(() -> router.getConnections().peers() == 2);

            dealer.close();
            // JeroMQ drops the silent connection after the handshake interval; then nothing is left.
            await().atMost(TIMEOUT).until(() -> router.getConnections().peers() == 0);
            StreamConnections after = router.getConnections();
            assertThat(after.peers()).isZero();
            assertThat(after.handshakenPeers()).isZero();
        }
    }

    @Test
    void anInprocStreamWhosePeerAnswersNeverCountsAsWithoutAPeer() {
        String endpoint = inproc();
        ZMQStream rep = bound(SocketType.REP, endpoint);
        rep.onRecv(frames -> rep.send(frames.get(0)));
        ZMQStream dealer = stream(SocketType.DEALER);
        dealer.connect(endpoint);
        List<String> replies = new CopyOnWriteArrayList<>();
        dealer.onRecv(frames -> replies.add(text(frames.get(1))));

        dealer.sendMultipart(List.of(new byte[0], bytes("ping")));
        await().atMost(TIMEOUT).until(() -> replies.contains("ping"));

        for (ZMQStream stream : List.of(rep, dealer)) {
            StreamConnections connections = stream.getConnections();
            assertThat(connections.unobservedEndpoints()).containsExactly(endpoint);
            assertThat(connections.withoutHandshakenPeer()).isZero();
            assertThat(connections.peers()).as("inproc peers are in no count").isZero();
        }
    }
}
