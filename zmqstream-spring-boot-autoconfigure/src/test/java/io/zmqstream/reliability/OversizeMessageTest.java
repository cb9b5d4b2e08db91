package io.zmqstream.reliability;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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

                    try (Socket oversize = new Socket("127.0.0.1", port)) {
                        oversize.setSoTimeout((int) TIMEOUT.toMillis());
                        DataOutputStream out = new DataOutputStream(oversize.getOutputStream());
                        DataInputStream reply = new DataInputStream(oversize.getInputStream());
                        handshakeAsPush(out, reply);

                        out.writeByte(0x02); // a long frame, the message's last
                        out.writeLong(ONE_GIB);
                        out.flush();

                        assertThat(closedByPeer(reply)).as("connection closed after the 9-byte header").isTrue();
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

    /** ZMTP 3.0 with the NULL mechanism: greetings both ways, then READY both ways. */
    private static void handshakeAsPush(DataOutputStream out, DataInputStream reply) throws IOException {
        byte[] greeting = new byte[64];
        greeting[0] = (byte) 0xFF;
        greeting[8] = 1;
        greeting[9] = 0x7F;
        greeting[10] = 3;
        System.arraycopy("NULL".getBytes(StandardCharsets.US_ASCII), 0, greeting, 12, 4);
        out.write(greeting);
        out.flush();
        reply.readFully(new byte[64]);

        byte[] name = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
        byte[] type = "PUSH".getBytes(StandardCharsets.US_ASCII);
        out.writeByte(0x04); // a short command frame
        out.writeByte(1 + 5 + 1 + name.length + 4 + type.length);
        out.writeByte(5);
        out.write("READY".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(name.length);
        out.write(name);
        out.writeInt(type.length);
        out.write(type);
        out.flush();
        int flags = reply.readUnsignedByte();
        long size = (flags & 0x02) != 0 ? reply.readLong() : reply.readUnsignedByte();
        reply.readFully(new byte[(int) size]);
    }

    private static boolean closedByPeer(DataInputStream reply) {
        try {
            return reply.read() == -1;
        }
        catch (SocketTimeoutException stillOpen) {
            return false;
        }
        catch (IOException reset) {
            return true;
        }
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
