package io.zmqstream.interop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PUB→SUB both ways between our streams and pyzmq: only the subscribed topic of two arrives, and an
 * XPUB stream sees a pyzmq subscriber's subscription (and its end).
 */
@PyzmqInterop
@Timeout(60)
class PubSubInteropTest {

    static final int PER_TOPIC = 1_000;

    @Test
    void aPyzmqSubscriberGetsOnlyItsTopicFromAPubStream() {
        InteropApplication.of("pubsub.yml", "publisher").run(context -> {
            ZMQStream news = context.getBean("news", ZMQStream.class);
            try (PyzmqPeer sub = PyzmqPeer.start("subscriber.py", "--connect", boundEndpoint(news), "--topic", "weather")) {
                // A PUB socket cannot tell when a subscription has arrived: probe until the subscriber hears one.
                PeriodicCallback probe = new PeriodicCallback(context.getBean(ZmqIoLoop.class),
                        () -> news.sendString("weather probe"), Duration.ofMillis(20));
                probe.start();
                sub.awaitLine("FIRST");
                probe.stop();

                publishBothTopics(news);

                assertSubscriberGotOnlyItsTopic(sub.result());
            }
        });
    }

    @Test
    void anXpubStreamSeesAPyzmqSubscriptionComeAndGo() {
        InteropApplication.of("pubsub.yml", "xpub-publisher").withUserConfiguration(Subscriptions.class).run(context -> {
            ZMQStream news = context.getBean("news", ZMQStream.class);
            List<String> subscriptions = context.getBean(Subscriptions.class).seen;
            try (PyzmqPeer sub = PyzmqPeer.start("subscriber.py", "--connect", boundEndpoint(news), "--topic", "weather")) {
                await().atMost(TIMEOUT).until(() -> subscriptions.contains("subscribe weather"));

                publishBothTopics(news);

                assertSubscriberGotOnlyItsTopic(sub.result());
            }
            await().atMost(TIMEOUT).until(() -> subscriptions.contains("unsubscribe weather"));
            assertThat(subscriptions).containsExactly("subscribe weather", "unsubscribe weather");
        });
    }

    @Test
    void aSubStreamSubscribedInYamlGetsOnlyItsTopicFromAPyzmqPublisher() {
        try (PyzmqPeer pub = PyzmqPeer.start("publisher.py", "--bind", "tcp://127.0.0.1:*", "--topic", "weather",
                "--other-topic", "sports", "--count", "" + PER_TOPIC)) {
            InteropApplication.of("pubsub.yml", "subscriber", "interop.peer=" + pub.endpoint())
                    .withUserConfiguration(Headlines.class).run(context -> {
                        List<String> headlines = context.getBean(Headlines.class).received;

                        assertThat(pub.awaitLine("SUBSCRIBED")).isEqualTo("weather");
                        await().atMost(TIMEOUT).until(() -> headlines.contains("weather end"));

                        assertThat(headlines).containsExactlyElementsOf(IntStream.range(0, PER_TOPIC + 1)
                                .mapToObj(n -> n < PER_TOPIC ? "weather " + n : "weather end").toList());
                        JsonNode result = pub.result();
                        assertThat(result.get("sent").asInt()).isEqualTo(2 * PER_TOPIC + 1);
                        assertThat(result.get("subscriptions")).extracting(JsonNode::asString).containsExactly("\u0001weather");
                    });
        }
    }

    static void publishBothTopics(ZMQStream news) {
        news.sendString("weather begin");
        for (int n = 0; n < PER_TOPIC; n++) {
            news.sendString("weather " + n);
            news.sendString("sports " + n);
        }
        news.sendString("weather end");
    }

    static void assertSubscriberGotOnlyItsTopic(JsonNode result) {
        assertThat(result.get("ended").asBoolean()).isTrue();
        assertThat(result.get("in_burst").asInt()).isEqualTo(PER_TOPIC);
        assertThat(result.get("other_topics").asInt()).isZero();
    }

    /** The XPUB stream's listener: what its subscribers asked for, as "subscribe topic" or "unsubscribe topic". */
    @Configuration(proxyBeanMethods = false)
    static class Subscriptions {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @ZmqListener("news")
        void subscription(byte[] frame) {
            seen.add((frame[0] == 1 ? "subscribe " : "unsubscribe ") + new String(frame, 1, frame.length - 1));
        }
    }

    /** The SUB stream's listener. */
    @Configuration(proxyBeanMethods = false)
    static class Headlines {

        final List<String> received = new CopyOnWriteArrayList<>();

        @ZmqListener("news")
        void headline(String text) {
            received.add(text);
        }
    }
}
