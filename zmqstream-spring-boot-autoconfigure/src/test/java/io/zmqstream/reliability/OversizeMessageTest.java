package io.zmqstream.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code max-message-size} makes a peer that announces a bigger message lose its connection as
 * soon as the frame's header arrives: a hand-written ZMTP 3.0 peer announces 1 GiB and sends not
 * one byte of it, and is disconnected, while other peers are served on.
 */
@Timeout(30)
class OversizeMessageTest {

    private static final long ONE_GIB = 1L << 30;

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void aPeerAnnouncingAMessageAboveMaxMessageSizeIsDisconnectedBeforeItsBodyIsRead() throws Exception {
        TestPeers.runner().withUserConfiguration(Received.class)
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=tcp://127.0.0.1:*",
                        "zmq.streams.in.max-message-size=1KB")
                .run(context -> {
                    ZMQStream in = context.getBean("in", ZMQStream.class);
                    String endpoint = boundEndpoint(in);
                    int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));

                    try (RawZmtpPeer oversize = RawZmtpPeer.connect(port, TIMEOUT)) {
                        oversize.handshake("PUSH").announce(ONE_GIB);
                        assertThat(oversize.closedByStream()).as("connection closed after the 9-byte header").isTrue();
                    }

                    ZMQ.Socket push = peers.socket(SocketType.PUSH);
                    push.connect(endpoint);
                    push.send("small enough");
                    List<String> received = context.getBean(Received.class).messages;
                    await().atMost(TIMEOUT).until(() -> received.contains("small enough"));
                    assertThat(received).containsExactly("small enough");
                    assertThat(in.getStatistics().getConnectionEvents(ZMonitor.Event.DISCONNECTED)).isPositive();
                });
    }

    /** What the PULL stream's listener got. */
    @Configuration(proxyBeanMethods = false)
    static class Received {

        final List<String> messages = new CopyOnWriteArrayList<>();

        @ZmqListener("in")
        void take(String message) {
            messages.add(message);
        }
    }
}
