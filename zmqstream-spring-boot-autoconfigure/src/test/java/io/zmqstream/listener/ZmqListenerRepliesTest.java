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

import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import org.junit.jupiter.api.AfterEach;
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
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.peer;
import static io.zmqstream.listener.ListenerContexts.receiveTexts;
import static io.zmqstream.listener.ListenerContexts.runner;
import static io.zmqstream.listener.ListenerContexts.sendTexts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a {@code @ZmqListener} method returns goes back to the peer that asked. */
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerRepliesTest {

    private final TestPeers peers = new TestPeers();

    @AfterEach
    void closePeers() {
        peers.close();
    }

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
                    ZMQ.Socket req = peer(context, SocketType.REQ, stream);

                    sendTexts(req, "order-1");

                    assertThat(String.join(",", receiveTexts(req))).isEqualTo(expected);
                });
    }

    @Test
    void aVoidListenerSendsNothingAndAStreamThatDoesNotReplyTakesAVoidMethod() {
        runner().withUserConfiguration(VoidListener.class).withPropertyValues(boundStream("jobs", "pull"))
                .run(context -> {
                    sendTexts(peer(context, SocketType.PUSH, "jobs"), "job-1");

                    assertThat(context.getBean(VoidListener.class).calls.next()).isEqualTo("job-1");
                    assertThat(context.getBean("jobs", ZMQStream.class).getStatistics().getMessagesSent()).isZero();
                });
    }

    @Test
    void routerRepliesReachTheClientThatAsked() {
        runner().withUserConfiguration(RouterEcho.class).withPropertyValues(boundStream("router", "router"))
                .run(context -> {
                    List<ZMQ.Socket> dealers = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        dealers.add(peer(context, SocketType.DEALER, "router", "client-" + i));
                    }
                    ZMQ.Socket req = peer(context, SocketType.REQ, "router", "req");

                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < dealers.size(); i++) {
                            sendTexts(dealers.get(i), "from client-" + i, "round " + round);
                        }
                    }
                    sendTexts(req, "from req");

                    for (int i = 0; i < dealers.size(); i++) {
                        for (int round = 0; round < 20; round++) {
                            assertThat(receiveTexts(dealers.get(i)))
                                    .containsExactly("client-" + i + " said from client-" + i, "round " + round);
                        }
                    }
                    // The REQ's empty delimiter went back with its envelope, or the REQ would drop the reply.
                    assertThat(receiveTexts(req)).containsExactly("req said from req");
                });
    }

    @Test
    void aRepListenerAnswersAThousandRequestsOverTcp() {
        runner().withUserConfiguration(RepCounter.class)
                .withPropertyValues("zmq.streams.counter.type=rep", "zmq.streams.counter.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    ZMQ.Socket req = peers.socket(SocketType.REQ);
                    req.connect(TestPeers.boundEndpoint(context.getBean("counter", ZMQStream.class)));

                    for (int i = 0; i < 1_000; i++) {
                        req.send("n" + i);
                        assertThat(req.recvStr()).isEqualTo("n" + i + " is request " + (i + 1));
                    }
                });
    }

    @Test
    void aRepListenerOnAnExecutorWithAnInFlightLimitServesSeveralClientsInTurn() {
        runner().withUserConfiguration(RepOnExecutor.class).withPropertyValues(boundStream("service", "rep"))
                .run(context -> {
                    List<ZMQ.Socket> clients = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        clients.add(peer(context, SocketType.REQ, "service"));
                    }
                    for (int round = 0; round < 50; round++) {
                        // Eight requests wait at the REP while it answers one at a time, off the loop thread.
                        for (int i = 0; i < clients.size(); i++) {
                            sendTexts(clients.get(i), "c" + i + " r" + round);
                        }
                        for (int i = 0; i < clients.size(); i++) {
                            assertThat(receiveTexts(clients.get(i))).containsExactly("worker: c" + i + " r" + round);
                        }
                    }
                });
    }

    @Test
    void asynchronousRepliesLeaveWhenTheirStagesComplete() {
        runner().withUserConfiguration(SlowAsyncRouter.class).withPropertyValues(boundStream("async", "router"))
                .run(context -> {
                    SlowAsyncRouter listener = context.getBean(SlowAsyncRouter.class);
                    ZMQ.Socket first = peer(context, SocketType.DEALER, "async", "first");
                    ZMQ.Socket second = peer(context, SocketType.DEALER, "async", "second");
                    sendTexts(first, "a");
                    sendTexts(second, "b");
                    await().atMost(TIMEOUT).until(() -> listener.pending.size() == 2);

                    // Completed on the test thread, the later request first: each reply still reaches its client.
                    listener.pending.get("b").complete("done b");
                    assertThat(receiveTexts(second)).containsExactly("done b");
                    listener.pending.get("a").complete("done a");
                    assertThat(receiveTexts(first)).containsExactly("done a");
                });
    }

    @Test
    void returnValuesGoToTheReplyToStream() {
        runner().withUserConfiguration(Forwarder.class)
                .withPropertyValues(boundStream("incoming", "pull"))
                .withPropertyValues(boundStream("outgoing", "push")).run(context -> {
                    ZMQ.Socket pull = peer(context, SocketType.PULL, "outgoing");

                    sendTexts(peer(context, SocketType.PUSH, "incoming"), "x");

                    assertThat(receiveTexts(pull)).containsExactly("forwarded x");
                });
    }

    @Test
    void jsonRepliesAndAConfiguredStreamsSendJsonUseTheApplicationsMapper() {
        runner().withUserConfiguration(EveryReturnType.class).withPropertyValues(everyReturnTypeStream())
                .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                .withPropertyValues(boundStream("out", "push")).run(context -> {
                    ZMQ.Socket req = peer(context, SocketType.REQ, "json");
                    ZMQ.Socket pull = peer(context, SocketType.PULL, "out");

                    sendTexts(req, "order-2");
                    context.getBean("out", ZMQStream.class).sendJson(new LineItem("tea", 2));

                    assertThat(receiveTexts(req)).containsExactly("{\"id\":\"order-2\",\"accepted\":true}");
                    assertThat(receiveTexts(pull)).containsExactly("{\"item_name\":\"tea\",\"item_count\":2}");
                });
    }

    record LineItem(String itemName, int itemCount) {
    }

    @Test
    void aRepListenerThatThrowsRepliesWithAnEmptyFrameAndTakesTheNextRequest(CapturedOutput output) {
        runner().withUserConfiguration(Picky.class).withPropertyValues(boundStream("picky", "rep"))
                .run(context -> {
                    ZMQ.Socket req = peer(context, SocketType.REQ, "picky");

                    sendTexts(req, "bad");
                    assertThat(receiveTexts(req)).containsExactly("");
                    sendTexts(req, "good");
                    assertThat(receiveTexts(req)).containsExactly("fine: good");

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
                    ZMQ.Socket req = peer(context, SocketType.REQ, "nullable");

                    for (int i = 0; i < 3; i++) {
                        sendTexts(req, "none");
                        assertThat(receiveTexts(req)).containsExactly("");
                        sendTexts(req, "r" + i);
                        assertThat(receiveTexts(req)).containsExactly("yes: r" + i);
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
                    ZMQ.Socket req = peer(context, SocketType.REQ, "optional");

                    sendTexts(req, "some");
                    assertThat(receiveTexts(req)).containsExactly("value of some");
                    sendTexts(req, "none");
                    assertThat(receiveTexts(req)).containsExactly("");
                    sendTexts(req, "again");
                    assertThat(receiveTexts(req)).containsExactly("value of again");
                });
    }

    @Test
    void anEmptyListOfFramesIsAFailedReplyNotJson() {
        runner().withUserConfiguration(SparseReplies.class).withPropertyValues(sparseReplyStreams())
                .run(context -> {
                    ZMQ.Socket req = peer(context, SocketType.REQ, "frames");

                    sendTexts(req, "empty");
                    assertThat(receiveTexts(req)).containsExactly("");
                    sendTexts(req, "two");
                    assertThat(receiveTexts(req)).containsExactly("two", "two");

                    ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class)
                            .getListener("zmqListenerRepliesTest.SparseReplies.frames");
                    assertThat(endpoint.getFailureCount()).isEqualTo(1);
                });
    }

    @Test
    void theErrorHandlersReturnValueIsTheReplyOfAFailedRequest() {
        runner().withUserConfiguration(Picky.class, ErrorReplies.class)
                .withPropertyValues(boundStream("picky", "rep")).run(context -> {
                    ZMQ.Socket req = peer(context, SocketType.REQ, "picky");

                    sendTexts(req, "bad");
                    assertThat(receiveTexts(req)).containsExactly("error", "java.lang.IllegalArgumentException");
                    sendTexts(req, "good");
                    assertThat(receiveTexts(req)).containsExactly("fine: good");
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
