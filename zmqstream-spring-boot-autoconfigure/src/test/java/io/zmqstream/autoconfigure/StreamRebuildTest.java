package io.zmqstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A YAML stream rebuilt on a new socket with a new identity, as a Paranoid Pirate worker reconnects
 * as a new peer: the broker sees the new identity, and the stream keeps its bean, listener and meters.
 */
class StreamRebuildTest {

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void aRebuiltStreamComesBackWithItsNewIdentityAndKeepsItsListenerAndMeters() throws Exception {
        TestPeers.Bound broker = peers.bound(SocketType.ROUTER);
        broker.socket().setReceiveTimeOut((int) TIMEOUT.toMillis());
        TestPeers.meteredRunner().withUserConfiguration(Worker.class)
                .withPropertyValues("zmq.streams.worker.type=dealer", "zmq.streams.worker.identity=worker-1",
                        "zmq.streams.worker.connect=" + broker.endpoint())
                .run(context -> {
                    ZMQStream worker = context.getBean("worker", ZMQStream.class);
                    worker.sendString("READY");
                    assertThat(identityOf(ZMsg.recvMsg(broker.socket()))).isEqualTo("worker-1");

                    context.getBean(ZmqStreamRegistry.class).rebuild("worker", "worker-2".getBytes(StandardCharsets.UTF_8))
                            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(context.getBean("worker", ZMQStream.class)).as("the same bean").isSameAs(worker);
                    worker.sendString("READY");
                    assertThat(identityOf(ZMsg.recvMsg(broker.socket()))).as("a new peer to the broker").isEqualTo("worker-2");

                    // The listener answers on the new socket.
                    broker.socket().sendMore("worker-2");
                    broker.socket().send("job");
                    ZMsg reply = ZMsg.recvMsg(broker.socket());
                    assertThat(reply.popString()).isEqualTo("worker-2");
                    assertThat(reply.popString()).isEqualTo("done: job");
                    assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListener("worker").isReceiving()).isTrue();

                    // The loop counts a send once the socket has taken it, which can be just after the broker has it.
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                            meters.get("zmq.messages.sent").tag("stream", "worker").functionCounter().count())
                            .as("both sockets' messages, in the one meter").isEqualTo(3));
                    assertThat(meters.get("zmq.messages.received").tag("stream", "worker").functionCounter().count())
                            .isEqualTo(1);
                    assertThat(worker.getSocket().getIdentity()).isEqualTo("worker-2".getBytes(StandardCharsets.UTF_8));
                });
    }

    private static String identityOf(ZMsg message) {
        return message.popString();
    }

    @Configuration(proxyBeanMethods = false)
    static class Worker {

        @ZmqListener(value = "worker", id = "worker")
        void work(String job, ZMQStream stream) {
            stream.sendString("done: " + job);
        }
    }
}
