package io.zmqstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.zmqstream.MessageTracker;
import io.zmqstream.OverflowPolicy;
import io.zmqstream.SendFailure;
import io.zmqstream.SendQueueOptions;
import io.zmqstream.ZMQStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.zeromq.ZMQ;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every per-stream property, read back from the socket or proved by what the stream does. */
class ZmqStreamPropertiesTest {

    @Test
    void socketOptionsReachTheSocket() {
        runner().withPropertyValues("zmq.streams.s.type=dealer", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.s.send-hwm=11", "zmq.streams.s.receive-hwm=12", "zmq.streams.s.linger=250ms",
                "zmq.streams.s.identity=client-7", "zmq.streams.s.handshake-interval=4s", "zmq.streams.s.reconnect-interval=150ms",
                "zmq.streams.s.reconnect-interval-max=3s", "zmq.streams.s.max-message-size=1MB",
                "zmq.streams.s.heartbeat-interval=2s", "zmq.streams.s.heartbeat-timeout=5s",
                "zmq.streams.s.heartbeat-ttl=10s", "zmq.streams.s.immediate=true", "zmq.streams.s.tcp-keepalive=true",
                "zmq.streams.s.tcp-keepalive-idle=60s", "zmq.streams.s.tcp-keepalive-interval=5s",
                "zmq.streams.s.tcp-keepalive-count=4", "zmq.streams.s.send-buffer-size=64KB",
                "zmq.streams.s.receive-buffer-size=128KB")
                .run(context -> {
                    assertThat(option(context, ZMQ.Socket::getSndHWM)).isEqualTo(11);
                    assertThat(option(context, ZMQ.Socket::getRcvHWM)).isEqualTo(12);
                    assertThat(option(context, ZMQ.Socket::getLinger)).isEqualTo(250);
                    String identity = option(context, s -> new String(s.getIdentity(), StandardCharsets.UTF_8));
                    assertThat(identity).isEqualTo("client-7");
                    assertThat(option(context, ZMQ.Socket::getReconnectIVL)).isEqualTo(150);
                    assertThat(option(context, ZMQ.Socket::getReconnectIVLMax)).isEqualTo(3_000);
                    assertThat(option(context, ZMQ.Socket::getMaxMsgSize)).isEqualTo(1_048_576L);
                    assertThat(option(context, ZMQ.Socket::getHandshakeIvl)).isEqualTo(4_000);
                    assertThat(option(context, ZMQ.Socket::getHeartbeatIvl)).isEqualTo(2_000);
                    assertThat(option(context, ZMQ.Socket::getHeartbeatTimeout)).isEqualTo(5_000);
                    assertThat(option(context, ZMQ.Socket::getHeartbeatTtl)).isEqualTo(10_000);
                    // JeroMQ's option of the same name means the opposite of libzmq's, which the property follows.
                    assertThat(option(context, ZMQ.Socket::getImmediate)).isFalse();
                    assertThat(option(context, ZMQ.Socket::getTCPKeepAlive)).isEqualTo(1);
                    assertThat(option(context, ZMQ.Socket::getTCPKeepAliveIdle)).isEqualTo(60L);
                    assertThat(option(context, ZMQ.Socket::getTCPKeepAliveInterval)).isEqualTo(5L);
                    assertThat(option(context, ZMQ.Socket::getTCPKeepAliveCount)).isEqualTo(4L);
                    assertThat(option(context, ZMQ.Socket::getSendBufferSize)).isEqualTo(65_536);
                    assertThat(option(context, ZMQ.Socket::getReceiveBufferSize)).isEqualTo(131_072);
                });
    }

    @Test
    void conflateKeepsOnlyTheNewestMessage() {
        runner().withPropertyValues("zmq.streams.s.type=pull", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                "zmq.streams.s.conflate=true")
                .run(context -> assertThat(option(context, ZMQ.Socket::isConflate)).isTrue());
    }

    @Test
    void lingerIsOneSecondUnlessSetAndNegativeMeansNoLimit() {
        runner().withPropertyValues("zmq.streams.s.type=push", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.forever.type=push", "zmq.streams.forever.connect=tcp://127.0.0.1:1",
                "zmq.streams.forever.linger=-1")
                .run(context -> {
                    assertThat(option(context, ZMQ.Socket::getLinger)).isEqualTo(1_000);
                    ZMQStream forever = context.getBean("forever", ZMQStream.class);
                    AtomicReference<Integer> linger = new AtomicReference<>();
                    forever.withSocket(s -> linger.set(s.getLinger()));
                    assertThat(linger.get()).isEqualTo(-1);
                    // Nothing is queued; closing without linger keeps the test from waiting on it in any case.
                    forever.close(0);
                });
    }

    @Test
    void routerMandatoryReportsAMessageToAnUnknownPeerAsASendFailure() {
        runner().withPropertyValues("zmq.streams.s.type=router", "zmq.streams.s.bind=tcp://127.0.0.1:*",
                "zmq.streams.s.router-mandatory=true")
                .run(context -> {
                    ZMQStream router = stream(context);
                    AtomicReference<MessageTracker> status = new AtomicReference<>();
                    router.sendMultipart(List.of("nobody".getBytes(StandardCharsets.UTF_8), new byte[1]), 0,
                            (message, tracker) -> status.set(tracker));
                    await().atMost(TIMEOUT).until(() -> status.get() != null);
                    assertThat(status.get().isSent()).isFalse();
                    assertThat(status.get().getFailure().reason()).isEqualTo(SendFailure.Reason.SOCKET_ERROR);
                });
    }

    @Test
    void sendQueuePropertiesMakeTheStreamsQueueOptions() {
        runner().withPropertyValues("zmq.streams.s.type=push", "zmq.streams.s.connect=tcp://127.0.0.1:1",
                "zmq.streams.s.send-queue.capacity=5", "zmq.streams.s.send-queue.overflow-policy=drop",
                "zmq.streams.s.send-queue.block-timeout=200ms", "zmq.streams.d.type=push",
                "zmq.streams.d.connect=tcp://127.0.0.1:1")
                .run(context -> {
                    assertThat(stream(context).getSendQueueOptions())
                            .isEqualTo(new SendQueueOptions(5, OverflowPolicy.DROP, Duration.ofMillis(200)));
                    assertThat(context.getBean("d", ZMQStream.class).getSendQueueOptions())
                            .isEqualTo(SendQueueOptions.defaults());
                });
    }

    private static ZMQStream stream(AssertableApplicationContext context) {
        return context.getBean("s", ZMQStream.class);
    }

    private static <T> T option(AssertableApplicationContext context, Function<ZMQ.Socket, T> getter) {
        AtomicReference<T> value = new AtomicReference<>();
        stream(context).withSocket(socket -> value.set(getter.apply(socket)));
        return value.get();
    }
}
