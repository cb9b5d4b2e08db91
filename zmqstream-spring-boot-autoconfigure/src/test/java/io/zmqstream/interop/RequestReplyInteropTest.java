package io.zmqstream.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.zmqstream.LoopCpu;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.listener.ZmqListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static io.zmqstream.autoconfigure.TestPeers.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request and reply between our streams and pyzmq: REP and ROUTER listeners answering many
 * concurrent pyzmq clients in their own envelopes, a ROUTER addressing pyzmq DEALERs by the
 * identities they set, and REQ and DEALER streams as clients of a pyzmq ROUTER.
 */
@PyzmqInterop
@Timeout(60)
class RequestReplyInteropTest {

    @Test
    void fiftyPyzmqReqClientsEachGetTheirOwnRepliesFromARepListener() {
        InteropApplication.of("reqrep.yml", "rep-service").withUserConfiguration(ApiReplies.class).run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer clients = PyzmqPeer.start("clients.py", "--type", "req", "--connect", boundEndpoint(api),
                    "--clients", "50", "--requests", "20")) {
                assertEveryReplyMatched(clients.result(), 1_000);
            }
            assertThat(api.getStatistics().getMessagesReceived()).isEqualTo(1_000);
        });
    }

    @Test
    void aHundredPyzmqDealerClientsGetRepliesInTheEnvelopesTheySentToARouterListener() {
        InteropApplication.of("reqrep.yml", "router-service").withUserConfiguration(ApiReplies.class).run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer clients = PyzmqPeer.start("clients.py", "--type", "dealer", "--connect", boundEndpoint(api),
                    "--clients", "100", "--requests", "20")) {
                assertEveryReplyMatched(clients.result(), 2_000);
            }
            // Counted just after the socket took the reply, so the count can trail the clients.
            await().atMost(TIMEOUT).until(() -> api.getStatistics().getMessagesSent() == 2_000);
        });
    }

    @Test
    void aRouterStreamAddressesPyzmqDealersByTheIdentitiesTheySet() {
        List<String> identities = List.of("py-north", "py-south", "py-east");
        InteropApplication.of("reqrep.yml", "router-service").withUserConfiguration(Greetings.class).run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            Set<String> greeted = context.getBean(Greetings.class).identities;
            try (PyzmqPeer dealers = PyzmqPeer.start("identities.py", "--connect", boundEndpoint(api),
                    "--identities", String.join(",", identities), "--count", "100")) {
                await().atMost(TIMEOUT).until(() -> greeted.containsAll(identities));

                for (int n = 0; n < 100; n++) {
                    for (String identity : identities) {
                        api.sendMultipart(List.of(bytes(identity), bytes("for " + identity + " " + n)));
                    }
                }

                JsonNode result = dealers.result();
                identities.forEach(identity -> assertThat(result.get("received").get(identity).asInt()).isEqualTo(100));
                assertThat(result.get("misaddressed").asInt()).isZero();
            }
        });
    }

    @Test
    void aRouterStreamWaitsForAFrozenPyzmqDealerWithoutSpinningAndLosesNothing() {
        int messages = 2_000;
        String padding = "x".repeat(16 * 1024);
        InteropApplication.of("reqrep.yml", "router-service").withUserConfiguration(Greetings.class).run(context -> {
            ZMQStream api = context.getBean("api", ZMQStream.class);
            try (PyzmqPeer dealer = PyzmqPeer.start("identities.py", "--connect", boundEndpoint(api),
                    "--identities", "py-slow", "--count", "" + messages)) {
                await().atMost(TIMEOUT).until(() -> context.getBean(Greetings.class).identities.contains("py-slow"));
                dealer.freeze();

                for (int n = 0; n < messages; n++) {
                    api.sendMultipart(List.of(bytes("py-slow"), bytes("for py-slow " + n + " " + padding)));
                }

                // 32 MiB fill the pipes and loopback buffers: the rest waits in the stream's queue.
                await().atMost(TIMEOUT).until(() -> api.getStatistics().getQueueDepth() > 0);
                LoopCpu.awaitSleeping(context.getBean(ZmqIoLoop.class), Duration.ofMillis(500), TIMEOUT);
                assertThat(api.getStatistics().getQueueDepth()).isPositive();
                dealer.thaw();
                assertThat(dealer.result().get("received").get("py-slow").asInt()).isEqualTo(messages);
            }
            assertThat(api.getStatistics().getSendFailures()).isZero();
        });
    }

    @Test
    void aReqStreamCompletesAHundredRoundTripsWithAPyzmqRouter() {
        try (PyzmqPeer router = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*")) {
            InteropApplication.of("reqrep.yml", "req-client", "interop.peer=" + router.endpoint()).run(context -> {
                ZMQStream api = context.getBean("api", ZMQStream.class);
                List<String> replies = new CopyOnWriteArrayList<>();
                api.onRecv(frames -> {
                    replies.add(text(frames.get(0)));
                    if (replies.size() < 100) {
                        api.sendString("request " + replies.size());
                    }
                });

                api.sendString("request 0");

                await().atMost(TIMEOUT).until(() -> replies.size() == 100);
                assertThat(replies).containsExactlyElementsOf(numbered("request ", 100));
            });
        }
    }

    @Test
    void aDealerStreamGetsEveryReplyFromAPyzmqRouterInEachSendingThreadsOrder() throws Exception {
        try (PyzmqPeer router = PyzmqPeer.start("echo_router.py", "--bind", "tcp://127.0.0.1:*")) {
            InteropApplication.of("reqrep.yml", "dealer-client", "interop.peer=" + router.endpoint()).run(context -> {
                ZMQStream api = context.getBean("api", ZMQStream.class);
                Map<String, List<String>> repliesBySender = new ConcurrentHashMap<>();
                api.onRecv(frames -> {
                    String reply = text(frames.get(1));
                    repliesBySender.computeIfAbsent(reply.substring(0, reply.indexOf(' ')), sender -> new CopyOnWriteArrayList<>()).add(reply);
                });

                ExecutorService senders = Executors.newFixedThreadPool(4);
                try {
                    for (String sender : List.of("t0", "t1", "t2", "t3")) {
                        senders.execute(() -> numbered(sender + " ", 250)
                                .forEach(request -> api.sendMultipart(List.of(new byte[0], bytes(request)))));
                    }
                    await().atMost(TIMEOUT).until(() -> repliesBySender.values().stream().mapToInt(List::size).sum() == 1_000);
                }
                finally {
                    senders.shutdownNow();
                }
                repliesBySender.forEach((sender, replies) -> assertThat(replies).containsExactlyElementsOf(numbered(sender + " ", 250)));
            });
        }
    }

    static void assertEveryReplyMatched(JsonNode result, int requests) {
        assertThat(result.get("mismatches").asInt()).as("mismatched replies, the first: %s", result.get("first_mismatches")).isZero();
        assertThat(result.get("replies").asInt()).isEqualTo(requests);
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> prefix + n).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A ROUTER listener that notes who said hello. */
    @Configuration(proxyBeanMethods = false)
    static class Greetings {

        final Set<String> identities = ConcurrentHashMap.newKeySet();

        @ZmqListener("api")
        void hello(RoutingEnvelope envelope, String greeting) {
            if (greeting.equals("hello")) {
                identities.add(new String(envelope.identity(), StandardCharsets.UTF_8));
            }
        }
    }
}
