package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import io.zmqstream.RoutingEnvelope;
import io.zmqstream.ZMQStream;
import io.zmqstream.test.ZmqTestMessage;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a {@code @ZmqListener} method returns goes back to the peer that asked. */
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerRepliesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text   | ORDER-1
            bytes  | order-1 as bytes
            frames | order-1,second frame
            zmsg   | zmsg,order-1
            json   | {"id":"order-1","accepted":true}
            async  | later order-1
            """)
    void eachReturnTypeIsSentAsTheReply(String stream, String expected) {
        runner().withUserConfiguration(EveryReturnType.class).withPropertyValues(everyReturnTypeStream())
                .run(context -> {
                    ZmqTestMessage reply = ZmqApplicationPeers.of(context).peer(stream).request("order-1");

                    assertThat(String.join(",", reply.texts())).isEqualTo(expected);
                });
    }

    @Test
    void aVoidListenerSendsNothingAndAStreamThatDoesNotReplyTakesAVoidMethod() {
        runner().withUserConfiguration(VoidListener.class).withPropertyValues(boundStream("jobs", "pull"))
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("jobs").sendString("job-1");

                    assertThat(context.getBean(VoidListener.class).calls.next()).isEqualTo("job-1");
                    assertThat(context.getBean("jobs", ZMQStream.class).getStatistics().getMessagesSent()).isZero();
                });
    }

    @Test
    void routerRepliesReachTheClientThatAsked() {
        runner().withUserConfiguration(RouterEcho.class).withPropertyValues(boundStream("router", "router"))
                .run(context -> {
                    ZmqTestPeers peers = ZmqApplicationPeers.of(context);
                    List<ZmqTestPeer> dealers = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        dealers.add(peers.peer("router", SocketType.DEALER, "client-" + i));
                    }
                    ZmqTestPeer req = peers.peer("router", SocketType.REQ, "req");

                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < dealers.size(); i++) {
                            dealers.get(i).sendString("from client-" + i, "round " + round);
                        }
                    }
                    req.sendString("from req");

                    for (int i = 0; i < dealers.size(); i++) {
                        for (int round = 0; round < 20; round++) {
                            dealers.get(i).expectMessage("client-" + i + " said from client-" + i, "round " + round);
                        }
                    }
                    // The REQ's empty delimiter went back with its envelope, or the REQ would drop the reply.
                    req.expectMessage("req said from req");
                });
    }

    @Test
    void aRepListenerAnswersAThousandRequestsOverTcp() {
        runner().withUserConfiguration(RepCounter.class)
                .withPropertyValues("zmq.streams.counter.type=rep", "zmq.streams.counter.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    // The peer connects to the port the wildcard bind took.
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("counter");

                    for (int i = 0; i < 1_000; i++) {
                        req.sendString("n" + i).expectMessage("n" + i + " is request " + (i + 1));
                    }
                });
    }

    @Test
    void aRepListenerOnAnExecutorWithAnInFlightLimitServesSeveralClientsInTurn() {
        runner().withUserConfiguration(RepOnExecutor.class).withPropertyValues(boundStream("service", "rep"))
                .run(context -> {
                    ZmqTestPeers peers = ZmqApplicationPeers.of(context);
                    List<ZmqTestPeer> clients = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        clients.add(peers.peer("service"));
                    }
                    for (int round = 0; round < 50; round++) {
                        // Eight requests wait at the REP while it answers one at a time, off the loop thread.
                        for (int i = 0; i < clients.size(); i++) {
                            clients.get(i).sendString("c" + i + " r" + round);
                        }
                        for (int i = 0; i < clients.size(); i++) {
                            clients.get(i).expectMessage("worker: c" + i + " r" + round);
                        }
                    }
                });
    }

    @Test
    void asynchronousRepliesLeaveWhenTheirStagesComplete() {
        runner().withUserConfiguration(SlowAsyncRouter.class).withPropertyValues(boundStream("async", "router"))
                .run(context -> {
                    SlowAsyncRouter listener = context.getBean(SlowAsyncRouter.class);
                    ZmqTestPeer first = ZmqApplicationPeers.of(context).peer("async", SocketType.DEALER, "first");
                    ZmqTestPeer second = ZmqApplicationPeers.of(context).peer("async", SocketType.DEALER, "second");
                    first.sendString("a");
                    second.sendString("b");
                    await().atMost(TIMEOUT).until(() -> listener.pending.size() == 2);

                    // Completed on the test thread, the later request first: each reply still reaches its client.
                    listener.pending.get("b").complete("done b");
                    second.expectMessage("done b");
                    listener.pending.get("a").complete("done a");
                    first.expectMessage("done a");
                });
    }

    @Test
    void returnValuesGoToTheReplyToStream() {
        runner().withUserConfiguration(Forwarder.class)
                .withPropertyValues(boundStream("incoming", "pull"))
                .withPropertyValues(boundStream("outgoing", "push")).run(context -> {
                    ZmqTestPeer pull = ZmqApplicationPeers.of(context).peer("outgoing");

                    ZmqApplicationPeers.of(context).peer("incoming").sendString("x");

                    pull.expectMessage("forwarded x");
                });
    }

    @Test
    void jsonRepliesAndAConfiguredStreamsSendJsonUseTheApplicationsMapper() {
        runner().withUserConfiguration(EveryReturnType.class).withPropertyValues(everyReturnTypeStream())
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .withPropertyValues(boundStream("out", "push")).run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("json");
                    ZmqTestPeer pull = ZmqApplicationPeers.of(context).peer("out");

                    req.sendString("order-2");
                    context.getBean("out", ZMQStream.class).sendJson(new LineItem("tea", 2));

                    req.expectMessage("{\"id\":\"order-2\",\"accepted\":true}");
                    pull.expectMessage("{\"item_name\":\"tea\",\"item_count\":2}");
                });
    }

    record LineItem(String itemName, int itemCount) {
    }

    @Test
    void aRepListenerThatThrowsRepliesWithAnEmptyFrameAndTakesTheNextRequest(CapturedOutput output) {
        runner().withUserConfiguration(Picky.class).withPropertyValues(boundStream("picky", "rep"))
                .run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("picky");

                    req.sendString("bad").expectMessage("");
                    req.sendString("good").expectMessage("fine: good");

                    // The default id is <bean name>.<method>; the runner names the bean after its class.
                    ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class)
                            .getListener("zmqListenerRepliesTest.Picky.reply");
                    assertThat(endpoint.getFailureCount()).isEqualTo(1);
                    assertThat(endpoint.getConversionFailureCount()).isZero();
                    // The default error handler names the listener and the stream, not the message.
                    assertThat(output).contains("Listener 'zmqListenerRepliesTest.Picky.reply' on stream 'picky' "
                            + "failed on a message of 1 frames; the stream goes on")
                            .contains("java.lang.IllegalArgumentException: no bad requests");
                });
    }

    @Test
    void aRepListenerThatReturnsNullAnswersWithAnEmptyFrameLogsItOnceAndServesTheNextRequest(CapturedOutput output) {
        runner().withUserConfiguration(SparseReplies.class).withPropertyValues(sparseReplyStreams())
                .run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("nullable");

                    for (int i = 0; i < 3; i++) {
                        req.sendString("none").expectMessage("");
                        req.sendString("r" + i).expectMessage("yes: r" + i);
                    }
                    assertThat(output.toString().split("returned no reply", -1)).hasSize(2);
                    assertThat(output).contains("Listener 'zmqListenerRepliesTest.SparseReplies.nullable' on REP "
                            + "stream 'nullable' returned no reply; an empty frame was sent");
                });
    }

    @Test
    void optionalRepliesAreUnwrappedAndAnEmptyOneAnswersARepWithAnEmptyFrame() {
        runner().withUserConfiguration(SparseReplies.class).withPropertyValues(sparseReplyStreams())
                .run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("optional");

                    req.sendString("some").expectMessage("value of some");
                    req.sendString("none").expectMessage("");
                    req.sendString("again").expectMessage("value of again");
                });
    }

    @Test
    void anEmptyListOfFramesIsAFailedReplyNotJson() {
        runner().withUserConfiguration(SparseReplies.class).withPropertyValues(sparseReplyStreams())
                .run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("frames");

                    req.sendString("empty").expectMessage("");
                    req.sendString("two").expectMessage("two", "two");

                    ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class)
                            .getListener("zmqListenerRepliesTest.SparseReplies.frames");
                    assertThat(endpoint.getFailureCount()).isEqualTo(1);
                });
    }

    @Test
    void theErrorHandlersReturnValueIsTheReplyOfAFailedRequest() {
        runner().withUserConfiguration(Picky.class, ErrorReplies.class)
                .withPropertyValues(boundStream("picky", "rep")).run(context -> {
                    ZmqTestPeer req = ZmqApplicationPeers.of(context).peer("picky");

                    req.sendString("bad").expectMessage("error", "java.lang.IllegalArgumentException");
                    req.sendString("good").expectMessage("fine: good");
                });
    }

    /** Three REP streams, one per listener of {@link SparseReplies}. */
    private static String[] sparseReplyStreams() {
        return Stream.of("nullable", "optional", "frames")
                .flatMap(name -> Arrays.stream(boundStream(name, "rep"))).toArray(String[]::new);
    }

    /** Six REP streams, one per listener of {@link EveryReturnType}. */
    private static String[] everyReturnTypeStream() {
        return Stream.of("text", "bytes", "frames", "zmsg", "json", "async")
                .flatMap(name -> Arrays.stream(boundStream(name, "rep"))).toArray(String[]::new);
    }

    @Configuration(proxyBeanMethods = false)
    static class EveryReturnType {

        @ZmqListener("text")
        String text(String request) {
            return request.toUpperCase();
        }

        @ZmqListener("bytes")
        byte[] bytes(String request) {
            return (request + " as bytes").getBytes(StandardCharsets.UTF_8);
        }

        @ZmqListener("frames")
        List<byte[]> frames(byte[] request) {
            return List.of(request, "second frame".getBytes(StandardCharsets.UTF_8));
        }

        @ZmqListener("zmsg")
        ZMsg zmsg(String request) {
            ZMsg reply = new ZMsg();
            reply.add(new ZFrame("zmsg"));
            reply.add(request);
            return reply;
        }

        @ZmqListener("json")
        Receipt json(String request) {
            return new Receipt(request, true);
        }

        @ZmqListener("async")
        CompletionStage<String> async(String request) {
            return CompletableFuture.supplyAsync(() -> "later " + request);
        }

        record Receipt(String id, boolean accepted) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class VoidListener {

        final ListenerContexts.Calls<String> calls = new ListenerContexts.Calls<>();

        @ZmqListener("jobs")
        void receive(String job) {
            calls.add(job);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RouterEcho {

        @ZmqListener("router")
        List<byte[]> echo(RoutingEnvelope envelope, List<byte[]> body) {
            List<byte[]> reply = new ArrayList<>(body);
            String said = new String(envelope.identity(), StandardCharsets.UTF_8) + " said "
                    + new String(body.get(0), StandardCharsets.UTF_8);
            reply.set(0, said.getBytes(StandardCharsets.UTF_8));
            return reply;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RepCounter {

        private int requests;

        @ZmqListener("counter")
        String count(String request) {
            requests++;
            return request + " is request " + requests;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RepOnExecutor {

        @Bean(destroyMethod = "shutdown")
        ExecutorService repWorkers() {
            return Executors.newFixedThreadPool(2, task -> new Thread(task, "rep-worker"));
        }

        @ZmqListener(value = "service", executor = "repWorkers", maxInFlight = 2)
        String serve(String request) {
            return Thread.currentThread().getName().replace("rep-", "") + ": " + request;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowAsyncRouter {

        final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

        @ZmqListener("async")
        CompletionStage<String> later(String request) {
            CompletableFuture<String> reply = new CompletableFuture<>();
            pending.put(request, reply);
            return reply;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Forwarder {

        @ZmqListener(value = "incoming", replyTo = "outgoing")
        String forward(String message) {
            return "forwarded " + message;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Picky {

        @ZmqListener("picky")
        String reply(String request) {
            if (request.equals("bad")) {
                throw new IllegalArgumentException("no bad requests");
            }
            return "fine: " + request;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ErrorReplies {

        @Bean
        ZmqListenerErrorHandler errorReplies() {
            return (message, exception) -> List.of("error".getBytes(StandardCharsets.UTF_8),
                    exception.getCause().getClass().getName().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SparseReplies {

        @ZmqListener("nullable")
        String nullable(String request) {
            return request.equals("none") ? null : "yes: " + request;
        }

        @ZmqListener("optional")
        Optional<String> optional(String request) {
            return request.equals("none") ? Optional.empty() : Optional.of("value of " + request);
        }

        @ZmqListener("frames")
        List<byte[]> frames(byte[] request) {
            return new String(request, StandardCharsets.UTF_8).equals("empty") ? List.of() : List.of(request, request);
        }
    }
}
