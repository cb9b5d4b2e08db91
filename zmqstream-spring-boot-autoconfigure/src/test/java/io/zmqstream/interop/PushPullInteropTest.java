package io.zmqstream.interop;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PUSH→PULL both ways between our streams and pyzmq, 10,000 messages in one burst each way. */
@PyzmqInterop
@Timeout(60)
class PushPullInteropTest {

    private static final int MESSAGES = 10_000;

    private static final List<String> EXPECTED = IntStream.range(0, MESSAGES).mapToObj(n -> "msg-" + n).toList();

    @Test
    void aPyzmqPusherFeedsAListenerOnABoundPullStreamInOrder() {
        InteropApplication.of("pushpull.yml", "pull-service").withUserConfiguration(Jobs.class).run(context -> {
            ZMQStream jobsIn = context.getBean("jobs-in", ZMQStream.class);
            List<String> received = context.getBean(Jobs.class).received;

            try (PyzmqPeer push = PyzmqPeer.start("push.py", "--connect", boundEndpoint(jobsIn), "--count", "" + MESSAGES)) {
                assertThat(push.result().get("sent").asInt()).isEqualTo(MESSAGES);
            }

            await().atMost(TIMEOUT).until(() -> received.size() == MESSAGES);
            assertThat(received).containsExactlyElementsOf(EXPECTED);
            assertThat(jobsIn.getStatistics().getMessagesReceived()).isEqualTo(MESSAGES);
        });
    }

    @Test
    void aConnectingPushStreamFeedsAPyzmqPullerInOrder() {
        feedsAPyzmqPullerInOrder("tcp://127.0.0.1:*", MESSAGES);
    }

    /** The PUSH client sends {@code messages} to a pyzmq PULL bound to {@code endpoint}, which gets them all in order. */
    static void feedsAPyzmqPullerInOrder(String endpoint, int messages) {
        try (PyzmqPeer pull = PyzmqPeer.start("pull.py", "--bind", endpoint, "--count", "" + messages)) {
            InteropApplication.of("pushpull.yml", "push-client", "interop.peer=" + pull.endpoint()).run(context -> {
                ZMQStream jobsOut = context.getBean("jobs-out", ZMQStream.class);

                IntStream.range(0, messages).mapToObj(n -> "msg-" + n).forEach(jobsOut::sendString);

                JsonNode result = pull.result();
                assertThat(result.get("received").asInt()).isEqualTo(messages);
                assertThat(result.get("in_order").asBoolean()).isTrue();
                // Counted just after the socket took the message, so the count can trail the puller.
                await().atMost(TIMEOUT).until(() -> jobsOut.getStatistics().getMessagesSent() == messages);
            });
        }
    }

    /** The PULL service's listener. */
    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        final List<String> received = new CopyOnWriteArrayList<>();

        @ZmqListener("jobs-in")
        void take(String job) {
            received.add(job);
        }
    }
}
