package io.zmqstream.interop;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.proxy.ZmqProxy;
import io.zmqstream.autoconfigure.ZmqProxyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static io.zmqstream.interop.PubSubInteropTest.PER_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An XSUB/XPUB forwarder from YAML between publishers and subscribers in other processes: pyzmq's
 * and our streams on either side, the subscription travelling upstream through the proxy so that the
 * publisher filters, and only the subscribed topic coming down.
 */
@PyzmqInterop
@Timeout(60)
class ForwarderInteropTest {

    @Test
    void aPyzmqPublisherReachesASubStreamThroughTheForwarderAndFiltersUpstream() {
        InteropApplication.of("proxies.yml", "forwarder").run(forwarderApp -> {
            String upstream = boundEndpoint(forwarderApp.getBean("upstream", ZMQStream.class));
            String downstream = boundEndpoint(forwarderApp.getBean("downstream", ZMQStream.class));
            ZmqProxy forwarder = forwarderApp.getBean(ZmqProxyRegistry.class).getProxy("forwarder");
            InteropApplication.of("pubsub.yml", "subscriber", "interop.peer=" + downstream)
                    .withUserConfiguration(PubSubInteropTest.Headlines.class).run(subscriberApp -> {
                        List<String> headlines = subscriberApp.getBean(PubSubInteropTest.Headlines.class).received;
                        // The subscription has crossed the proxy before the publisher exists.
                        await().atMost(TIMEOUT).until(() -> forwarder.getStatistics()
                                .getMessages(ProxyDirection.BACKEND_TO_FRONTEND) == 1);
                        try (PyzmqPeer pub = PyzmqPeer.start("publisher.py", "--connect", upstream, "--topic", "weather",
                                "--other-topic", "sports", "--count", "" + PER_TOPIC)) {

                            assertThat(pub.awaitLine("SUBSCRIBED")).isEqualTo("weather");
                            await().atMost(TIMEOUT).until(() -> headlines.contains("weather end"));

                            assertThat(headlines).containsExactlyElementsOf(IntStream.range(0, PER_TOPIC + 1)
                                    .mapToObj(n -> n < PER_TOPIC ? "weather " + n : "weather end").toList());
                            assertThat(pub.result().get("subscriptions")).extracting(JsonNode::asString)
                                    .containsExactly("\u0001weather");
                        }
                        // The publisher filtered: sports never crossed the proxy.
                        assertThat(forwarder.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND))
                                .isEqualTo(PER_TOPIC + 1);
                    });
        });
    }

    @Test
    void aPubStreamReachesAPyzmqSubscriberAndALateOneThroughTheForwarder() {
        InteropApplication.of("proxies.yml", "forwarder").run(forwarderApp -> {
            String upstream = boundEndpoint(forwarderApp.getBean("upstream", ZMQStream.class));
            String downstream = boundEndpoint(forwarderApp.getBean("downstream", ZMQStream.class));
            InteropApplication.of("proxies.yml", "connecting-publisher", "interop.peer=" + upstream).run(publisherApp -> {
                ZMQStream news = publisherApp.getBean("news", ZMQStream.class);
                ZmqIoLoop loop = publisherApp.getBean(ZmqIoLoop.class);
                // A subscriber, then a late one once the first has had its burst: each gets the burst
                // published after its subscription came up through the forwarder, its topic only.
                for (int subscriber = 0; subscriber < 2; subscriber++) {
                    try (PyzmqPeer sub = PyzmqPeer.start("subscriber.py", "--connect", downstream, "--topic", "weather")) {
                        PeriodicCallback probe = new PeriodicCallback(loop, () -> news.sendString("weather probe"),
                                Duration.ofMillis(20));
                        probe.start();
                        sub.awaitLine("FIRST");
                        probe.stop();

                        PubSubInteropTest.publishBothTopics(news);

                        PubSubInteropTest.assertSubscriberGotOnlyItsTopic(sub.result());
                    }
                }
            });
        });
    }
}
