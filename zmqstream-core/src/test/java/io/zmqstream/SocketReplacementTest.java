package io.zmqstream;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A stream's socket replaced by a new one: the peer sees a new identity, the stream keeps its
 * callbacks, counts, queue and endpoints, and a REQ that waited for a reply that never came asks
 * again, as the ZeroMQ Guide's Lazy Pirate does.
 */
class SocketReplacementTest extends LoopTestSupport {

    @Test
    void thePeerSeesTheNewIdentityAndTheStreamKeepsItsCallbackCountsAndConnection() throws Exception {
        String endpoint = inproc();
        ZMQ.Socket router = peer(SocketType.ROUTER);
        router.bind(endpoint);
        ZMQStream dealer = new ZMQStream(withIdentity(SocketType.DEALER, "first"), loop);
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        dealer.onRecv(frames -> replies.add(text(frames.get(0))));
        dealer.connect(endpoint);

        dealer.sendString("hello");
        ZMsg fromFirst = ZMsg.recvMsg(router);
        assertThat(fromFirst.popString()).isEqualTo("first");

        dealer.replaceSocket(withIdentity(SocketType.DEALER, "second")).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        dealer.sendString("hello again");
        ZMsg fromSecond = ZMsg.recvMsg(router);
        assertThat(fromSecond.popString()).as("the peer sees the new socket's identity").isEqualTo("second");
        assertThat(fromSecond.popString()).isEqualTo("hello again");

        router.sendMore("second");
        router.send("welcome back");
        assertThat(replies.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the receive callback stayed").isEqualTo("welcome back");
        assertThat(dealer.getStatistics().getMessagesSent()).as("counts go on across sockets").isEqualTo(2);
        assertThat(dealer.getStatistics().getMessagesReceived()).isEqualTo(1);
        assertThat(dealer.getConnectedEndpoints()).containsExactly(endpoint);
        assertThat(dealer.getSocket().getIdentity()).isEqualTo(bytes("second"));
    }

    @Test
    void aRequesterWhoseReplyNeverCameAsksAgainOnItsNewSocket() throws Exception {
        String endpoint = "tcp://127.0.0.1:" + freePort();
        ZMQStream client = new ZMQStream(context.createSocket(SocketType.REQ), loop);
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        client.onRecv(frames -> replies.add(text(frames.get(0))));
        client.connect(endpoint);
        ZMQ.Socket server = peer(SocketType.REP);
        server.bind(endpoint);

        client.sendString("request 1");
        assertThat(server.recvStr()).isEqualTo("request 1");
        // The server dies without answering, and a new one takes its place; the REQ would wait forever.
        server.close();
        ZMQ.Socket restarted = peer(SocketType.REP);
        bindWhenFree(restarted, endpoint);
        assertThat(replies.poll(200, TimeUnit.MILLISECONDS)).as("the first request is lost with its server").isNull();

        client.replaceSocket(context.createSocket(SocketType.REQ)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        client.sendString("request 1, again");
        assertThat(restarted.recvStr()).isEqualTo("request 1, again");
        restarted.send("reply 1");
        assertThat(replies.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("reply 1");
    }

    @Test
    void messagesQueuedForTheOldSocketAreSentByTheNewOneAndABindIsMadeAgainAtItsAddress() throws Exception {
        ZMQStream push = new ZMQStream(immediate(SocketType.PUSH), loop);
        int port = push.bindToRandomPort("tcp://127.0.0.1");
        String endpoint = "tcp://127.0.0.1:" + port;
        // No peer yet: the socket takes nothing, and the messages wait in the stream's queue.
        for (int i = 0; i < 10; i++) {
            push.sendString("queued " + i);
        }
        assertThat(push.getStatistics().getQueueDepth()).isEqualTo(10);

        push.replaceSocket(immediate(SocketType.PUSH)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(push.getBoundEndpoints()).containsExactly(endpoint);
        ZMQ.Socket pull = connected(SocketType.PULL, endpoint);
        for (int i = 0; i < 10; i++) {
            assertThat(pull.recvStr()).isEqualTo("queued " + i);
        }
    }

    @Test
    void aSubscriberKeepsItsSubscriptionsOnItsNewSocket() throws Exception {
        String endpoint = inproc();
        ZMQ.Socket pub = peer(SocketType.PUB);
        pub.bind(endpoint);
        ZMQStream sub = new ZMQStream(context.createSocket(SocketType.SUB), loop);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        sub.onRecv(frames -> received.add(text(frames.get(0))));
        sub.subscribe("news");
        sub.connect(endpoint);

        sub.replaceSocket(context.createSocket(SocketType.SUB)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // Publish until the new socket's subscription has reached the publisher.
        String first;
        do {
            pub.send("sports: ignored");
            pub.send("news: kept");
            first = received.poll(50, TimeUnit.MILLISECONDS);
        } while (first == null);
        assertThat(first).isEqualTo("news: kept");
        assertThat(received).allMatch(message -> message.startsWith("news"));
    }

    @Test
    void theNewSocketIsWatchedAsTheOldOneWasAndItsPeersAreCountedAfresh() throws Exception {
        ZMQ.Socket router = peer(SocketType.ROUTER);
        String endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
        ZMQStream watched = new ZMQStream(context.createSocket(SocketType.DEALER), loop);
        watched.connect(endpoint);
        await().atMost(TIMEOUT).until(() -> watched.getConnections().handshakenPeers() == 1);

        watched.replaceSocket(context.createSocket(SocketType.DEALER)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(watched.isMonitoringConnections()).isTrue();
        await().atMost(TIMEOUT).until(() -> watched.getConnections().handshakenPeers() == 1
                && watched.getStatistics().getHandshakenPeers() == 1);

        ZMQStream unwatched = new ZMQStream(context.createSocket(SocketType.DEALER), loop);
        unwatched.stopMonitoringConnections();
        unwatched.replaceSocket(context.createSocket(SocketType.DEALER)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(unwatched.isMonitoringConnections()).as("a stream told not to watch does not start to").isFalse();
    }

    @Test
    void aSocketOfAnotherTypeOrAClosedStreamIsRefusedAndTheOldSocketKept() {
        ZMQStream dealer = bound(SocketType.DEALER, inproc());
        ZMQ.Socket original = dealer.getSocket();
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        assertThatIllegalArgumentException().isThrownBy(() -> dealer.replaceSocket(router))
                .withMessageContaining("cannot take a ROUTER socket in place of its DEALER");
        ZMQStream other = new ZMQStream(context.createSocket(SocketType.DEALER), loop);
        assertThatIllegalStateException().isThrownBy(() -> dealer.replaceSocket(other.getSocket()))
                .withMessageContaining("already has an open ZMQStream");
        assertThat(dealer.getSocket()).isSameAs(original);

        dealer.close();
        assertThatIllegalStateException().isThrownBy(() -> dealer.replaceSocket(context.createSocket(SocketType.DEALER)))
                .withMessageContaining("is closed");
        router.close();
    }

    private ZMQ.Socket withIdentity(SocketType type, String identity) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setIdentity(bytes(identity));
        return socket;
    }

    /** A socket that queues only to completed connections (libzmq's ZMQ_IMMEDIATE; JeroMQ's setting is inverted). */
    private ZMQ.Socket immediate(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setImmediate(false);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Binds once the closed socket before it has let the address go. */
    private static void bindWhenFree(ZMQ.Socket socket, String endpoint) {
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> socket.bind(endpoint));
    }
}
