package io.zmqstream.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.SendFailure;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What closing the application does with what its streams still hold: 10,000 messages queued to a
 * live peer all arrive; queued to a dead one, each is reported, none silently lost; and closing
 * takes at most the linger plus a small bound, even while a listener runs.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class ShutdownTest {

    private static final int MESSAGES = 10_000;

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void tenThousandMessagesQueuedToALivePeerAllArriveWithinTheLingerWhenTheApplicationCloses() {
        ZMQ.Socket pull = peers.socket(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        TestPeers.runner().withPropertyValues("zmq.streams.out.type=push", "zmq.streams.out.connect=tcp://127.0.0.1:" + port,
                "zmq.streams.out.linger=5s").run(context -> {
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    for (int i = 0; i < MESSAGES; i++) {
                        out.sendString("queued " + i);
                    }

                    long took = timeClose(context);

                    assertThat(took).isLessThan(Duration.ofSeconds(5).toMillis());
                    for (int i = 0; i < MESSAGES; i++) {
                        assertThat(pull.recvStr()).isEqualTo("queued " + i);
                    }
                    assertThat(out.getStatistics().getMessagesSent()).isEqualTo(MESSAGES);
                    assertThat(out.getStatistics().getSendFailures()).isZero();
                });
    }

    @Test
    void tenThousandMessagesQueuedToADeadPeerAreEachReportedWhenTheApplicationCloses(CapturedOutput output) {
        // immediate: no pipe to the peer before it is connected, so nothing leaves the stream's queue.
        TestPeers.runner().withPropertyValues("zmq.streams.out.type=push", "zmq.streams.out.connect=tcp://127.0.0.1:" + deadPort(),
                "zmq.streams.out.immediate=true", "zmq.streams.out.linger=500ms").run(context -> {
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
                    out.onSend((message, status) -> outcomes.computeIfAbsent(status.isSent() ? "sent"
                            : status.getFailure().reason().name(), outcome -> new AtomicInteger()).incrementAndGet());
                    for (int i = 0; i < MESSAGES; i++) {
                        out.sendString("queued " + i);
                    }

                    long took = timeClose(context);

                    assertThat(took).isLessThan(500 + ZmqIoLoop.CLOSE_GRACE.toMillis());
                    assertThat(outcomes).containsOnlyKeys(SendFailure.Reason.DROPPED_ON_CLOSE.name());
                    assertThat(outcomes.get(SendFailure.Reason.DROPPED_ON_CLOSE.name())).hasValue(MESSAGES);
                    assertThat(out.getStatistics().getSendFailures(SendFailure.Reason.DROPPED_ON_CLOSE)).isEqualTo(MESSAGES);
                });
        assertThat(output.getOut().lines().filter(line -> line.contains("message(s) not sent within the linger time")))
                .singleElement().asString().contains("ZMQStream[out, PUSH] closed with 10000 message(s) not sent");
    }

    @Test
    void withoutImmediateZeroMqTakesUpToTheHighWaterMarkForADeadPeerAndTheRestIsReported() {
        TestPeers.runner().withPropertyValues("zmq.streams.out.type=push", "zmq.streams.out.connect=tcp://127.0.0.1:" + deadPort(),
                "zmq.streams.out.send-hwm=1000", "zmq.streams.out.linger=500ms").run(context -> {
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    for (int i = 0; i < MESSAGES; i++) {
                        out.sendString("queued " + i);
                    }

                    timeClose(context);

                    long handedToZeroMq = out.getStatistics().getMessagesSent();
                    assertThat(handedToZeroMq).isBetween(1L, 1_000L);
                    assertThat(out.getStatistics().getSendFailures(SendFailure.Reason.DROPPED_ON_CLOSE)).isEqualTo(MESSAGES - handedToZeroMq);
                });
    }

    @Test
    void closingWaitsForAListenerInProgressAndStillSendsWhatWasQueuedAndWhatItSends() {
        ZMQ.Socket pull = peers.socket(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        TestPeers.runner().withUserConfiguration(SlowListener.class)
                .withPropertyValues("zmq.streams.in.type=pull", "zmq.streams.in.bind=inproc://in",
                        "zmq.streams.out.type=push", "zmq.streams.out.connect=tcp://127.0.0.1:" + port, "zmq.streams.out.linger=2s")
                .run(context -> {
                    ZMQ.Socket push = context.getBean(ZContext.class).createSocket(SocketType.PUSH);
                    push.connect("inproc://in");
                    SlowListener listener = context.getBean(SlowListener.class);
                    ZMQStream out = context.getBean("out", ZMQStream.class);
                    listener.in = context.getBean("in", ZMQStream.class);
                    listener.out = out;
                    // Closing starts at once: a handshake that JeroMQ's connect race left stalled would
                    // take the three messages to the grave. The stream heals such a handshake; wait for it.
                    await().atMost(TestPeers.TIMEOUT).until(() -> out.getStatistics().getHandshakenPeers() == 1);
                    push.send("take your time");
                    assertThat(listener.started.await(10, TimeUnit.SECONDS)).isTrue();
                    List.of("a", "b", "c").forEach(out::sendString);

                    long took = timeClose(context);

                    // The listener returned only once closing had begun, and closing waited for it before it
                    // closed any stream: what the listener sent then went out too.
                    assertThat(listener.finished.getCount()).isZero();
                    assertThat(took).isLessThan(2_000 + ZmqIoLoop.CLOSE_GRACE.toMillis());
                    assertThat(List.of(pull.recvStr(), pull.recvStr(), pull.recvStr(), pull.recvStr()))
                            .containsExactly("a", "b", "c", "sent while closing");
                    assertThat(out.getStatistics().getSendFailures()).isZero();
                });
    }

    private static long timeClose(ConfigurableApplicationContext context) {
        long start = System.nanoTime();
        context.close();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** A loopback port that nobody listens on. */
    private int deadPort() {
        ZMQ.Socket placeholder = peers.socket(SocketType.PULL);
        int port = placeholder.bindToRandomPort("tcp://127.0.0.1");
        placeholder.close();
        return port;
    }

    /**
     * A listener on the loop thread that is still at work when the application starts closing, and
     * then sends on another stream, as a listener's reply does.
     */
    @Configuration(proxyBeanMethods = false)
    static class SlowListener {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        /** The listener's own stream: its receiving stops when the application starts closing. */
        volatile ZMQStream in;
        volatile ZMQStream out;

        @ZmqListener("in")
        void take(String message) {
            started.countDown();
            await().atMost(TestPeers.TIMEOUT).until(() -> !in.isReceiving());
            out.sendString("sent while closing");
            finished.countDown();
        }
    }
}
