package io.zmqstream.actuate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.zmqstream.SendFailure;
import io.zmqstream.StreamStatistics;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PUB stream with {@code xpub-nodrop} and a dropping send queue, publishing 1,000,000 messages to a
 * subscriber that does not read: what the high-water mark held back waits in the stream's queue, what
 * the queue could not take is dropped and counted, and the subscriber's count plus the drops is what
 * was sent, in the statistics, the meters and the endpoint over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=zmq,metrics", "zmq.streams.ticks.type=pub",
        "zmq.streams.ticks.bind=tcp://127.0.0.1:*", "zmq.streams.ticks.xpub-nodrop=true",
        "zmq.streams.ticks.send-hwm=1000", "zmq.streams.ticks.send-queue.capacity=1000",
        "zmq.streams.ticks.send-queue.overflow-policy=drop" })
class PubDropsHttpTest {

    private static final int MESSAGES = 1_000_000;
    private static final byte[] WARM_UP = "warm-up".getBytes(StandardCharsets.US_ASCII);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("ticks")
    private ZMQStream ticks;

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void aFrozenSubscriberLosesOnlyWhatTheStreamCountedAsDropped() {
        ZMQ.Socket subscriber = peers.socket(SocketType.SUB);
        subscriber.setRcvHWM(1000);
        subscriber.subscribe(new byte[0]);
        subscriber.setReceiveTimeOut(100);
        subscriber.connect(TestPeers.boundEndpoint(ticks));
        // A PUB drops what no subscription matches yet, and cannot count it: publish until the
        // subscription has arrived, then empty the subscriber.
        await().atMost(TIMEOUT).pollDelay(Duration.ZERO).until(() -> {
            ticks.send(WARM_UP);
            return subscriber.recv() != null;
        });
        while (subscriber.recv() != null) {
            // Warm-up messages still on their way.
        }
        StreamStatistics statistics = ticks.getStatistics();
        long sentBefore = statistics.getMessagesSent();
        assertThat(statistics.getSendFailures(SendFailure.Reason.QUEUE_FULL)).isZero();

        for (int i = 0; i < MESSAGES; i++) {
            ticks.send(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
        }
        long dropped = statistics.getSendFailures(SendFailure.Reason.QUEUE_FULL);
        assertThat(dropped).as("a subscriber that reads nothing holds most of a million back").isPositive();

        long received = 0;
        int last = -1;
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (received + dropped < MESSAGES && System.nanoTime() < deadline) {
            byte[] message = subscriber.recv();
            if (message != null) {
                int index = Integer.parseInt(new String(message, StandardCharsets.US_ASCII));
                assertThat(index).as("each message once, in order").isGreaterThan(last);
                last = index;
                received++;
            }
        }
        assertThat(received + dropped).isEqualTo(MESSAGES);
        assertThat(subscriber.recv()).as("nothing beyond what was counted").isNull();
        assertThat(statistics.getMessagesSent() - sentBefore).isEqualTo(received);

        ActuatorClient actuator = new ActuatorClient(port);
        JsonNode stream = actuator.getJson("/actuator/zmq").get("streams").get("ticks");
        assertThat(stream.get("sendFailures").get("queue-full").asLong()).isEqualTo(dropped);
        assertThat(stream.get("messagesSent").asLong()).isEqualTo(sentBefore + received);
        assertThat(ActuatorClient.statistic(
                actuator.getJson("/actuator/metrics/zmq.send.failures?tag=stream:ticks&tag=reason:queue-full"), "COUNT"))
                .isEqualTo(dropped);
    }

    /** An application of the starter's defaults. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class DefaultApplication {
    }
}
