package io.zmqstream.interop;

import io.zmqstream.proxy.ProxyDirection;
import io.zmqstream.ZMQStream;
import io.zmqstream.proxy.ZmqProxy;
import io.zmqstream.autoconfigure.ZmqProxyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A PULL/PUSH streamer from YAML between two pyzmq processes: a frozen worker holds the streamer back
 * (it stops reading instead of queueing without bound), and once the worker thaws every message
 * arrives, in order.
 */
@PyzmqInterop
@Timeout(60)
class StreamerInteropTest {

    private static final int MESSAGES = 100_000;

    @Test
    void aFrozenWorkerStopsTheStreamersReadsAndLosesNothingWhenItThaws() {
        try (PyzmqPeer worker = PyzmqPeer.start("pull.py", "--bind", "tcp://127.0.0.1:*", "--count", "" + MESSAGES)) {
            InteropApplication.of("proxies.yml", "streamer", "interop.peer=" + worker.endpoint()).run(context -> {
                ZMQStream workOut = context.getBean("work-out", ZMQStream.class);
                ZmqProxy streamer = context.getBean(ZmqProxyRegistry.class).getProxy("streamer");
                await().atMost(TIMEOUT).until(() -> workOut.getStatistics().getHandshakenPeers() == 1);
                worker.freeze();
                try (PyzmqPeer producer = PyzmqPeer.start("push.py", "--connect",
                        boundEndpoint(context.getBean("work-in", ZMQStream.class)), "--count", "" + MESSAGES)) {

                    await().atMost(TIMEOUT).until(() -> streamer.isWaiting(ProxyDirection.FRONTEND_TO_BACKEND));
                    assertThat(workOut.getStatistics().getQueueDepth()).isLessThanOrEqualTo(ZmqProxy.DEFAULT_QUEUE_LIMIT);
                    assertThat(streamer.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isLessThan(MESSAGES);

                    worker.thaw();
                    JsonNode received = worker.result();
                    assertThat(received.get("received").asInt()).isEqualTo(MESSAGES);
                    assertThat(received.get("in_order").asBoolean()).isTrue();
                    assertThat(producer.result().get("sent").asInt()).isEqualTo(MESSAGES);
                }
                finally {
                    worker.thaw();
                }
                assertThat(streamer.getStatistics().getBackPressureStops()).isPositive();
                assertThat(streamer.getStatistics().getMessages(ProxyDirection.FRONTEND_TO_BACKEND)).isEqualTo(MESSAGES);
            });
        }
    }
}
