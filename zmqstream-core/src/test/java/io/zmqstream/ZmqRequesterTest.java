package io.zmqstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.zmqstream.request.RequestOptions;
import io.zmqstream.request.RequestOutcome;
import io.zmqstream.request.ZmqRequestRejectedException;
import io.zmqstream.request.ZmqRequestTimeoutException;
import io.zmqstream.request.ZmqRequester;
import io.zmqstream.request.ZmqRequesterClosedException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requests over DEALER and REQ streams against real servers on a loop of their own: REP and ROUTER
 * servers that know nothing of the correlation, a server that drops and delays, two servers of
 * which one goes away, the bound on requests in flight, and closing.
 */
class ZmqRequesterTest extends LoopTestSupport {

    private static final Duration SHORT = Duration.ofMillis(200);

    private ZmqIoLoop serverLoop;
    private final List<ZmqRequester> requesters = new ArrayList<>();

    @BeforeEach
    void startServerLoop() {
        serverLoop = new ZmqIoLoop(context, "server-ioloop");
        serverLoop.start();
    }

    @AfterEach
    void closeRequesters() {
        requesters.forEach(ZmqRequester::close);
        serverLoop.close();
    }

    @Test
    void repAndRouterServersAnswerEightThreadsEachWithItsOwnReply() throws Exception {
        for (SocketType serverType : List.of(SocketType.REP, SocketType.ROUTER)) {
            String endpoint = inproc();
            // A ROUTER that echoes every frame, envelope included, as pyzmq's echo servers do.
            ZMQStream server = server(serverType, endpoint);
            server.onRecv(server::sendMultipart);
            ZmqRequester requester = requester(SocketType.DEALER, RequestOptions.defaults(), endpoint);

            ExecutorService callers = Executors.newFixedThreadPool(8);
            try {
                List<CompletableFuture<Void>> checks = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    int caller = thread;
                    checks.add(CompletableFuture.runAsync(() -> {
                        for (int i = 0; i < 250; i++) {
                            String request = "caller " + caller + " request " + i;
                            assertThat(texts(requester.request(frames(request)).join())).containsExactly(request);
                        }
                    }, callers));
                }
                CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            finally {
                callers.shutdownNow();
            }
            assertThat(requester.getStatistics().getReplies()).as(serverType.toString()).isEqualTo(2_000);
            assertThat(requester.getStatistics().getLateReplies()).isZero();
        }
    }

    @Test
    void withRetriesEveryRequestOfADroppingAndDelayingServerCompletesOnceWithItsOwnReply() throws Exception {
        ZmqRequester requester = requesterOfADroppingAndDelayingServer(1);

        List<CompletableFuture<List<byte[]>>> replies = requests(requester, 300);

        for (int i = 0; i < replies.size(); i++) {
            assertThat(texts(replies.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))).containsExactly("r" + i);
        }
        assertThat(requester.getStatistics().getReplies()).isEqualTo(300);
        // 100 dropped and 40 delayed first attempts, each resent once.
        assertThat(requester.getStatistics().getRetries()).isEqualTo(140);
        assertThat(requester.getStatistics().getTimeouts()).isZero();
        // The delayed replies to first attempts come after their resends were answered.
        await(() -> requester.getStatistics().getLateReplies() == 40);
    }

    @Test
    void withoutRetriesTheDroppedRequestsFailWithATimeoutNamingTheStreamAndTheTimeout() throws Exception {
        ZmqRequester requester = requesterOfADroppingAndDelayingServer(0);

        List<CompletableFuture<List<byte[]>>> replies = requests(requester, 30);

        for (int i = 0; i < replies.size(); i++) {
            CompletableFuture<List<byte[]>> reply = replies.get(i);
            if (i % 3 == 0 || i % 5 == 0) {
                assertThatThrownBy(() -> reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("r" + i).cause()
                        .isInstanceOf(ZmqRequestTimeoutException.class)
                        .hasMessage("No reply on stream 'client' within 200 ms, sent once");
            }
            else {
                assertThat(texts(reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))).containsExactly("r" + i);
            }
        }
        // Dropped: 0, 3, ..., 27; delayed past the timeout: 5, 10, 20, 25.
        assertThat(requester.getStatistics().getTimeouts()).isEqualTo(14);
        await(() -> requester.getStatistics().getLateReplies() == 4);
    }

    @Test
    void whenOneOfTwoServersDiesMidRunEveryRequestCompletesWithinOneTimeoutAndItsRetry() throws Exception {
        String first = inproc();
        String second = inproc();
        AtomicBoolean dying = new AtomicBoolean();
        AtomicInteger lost = new AtomicInteger();
        // A ROUTER echo, which, unlike a REP, takes every request it is sent without answering one.
        ZMQStream firstServer = server(SocketType.ROUTER, first);
        firstServer.onRecv(frames -> {
            if (dying.get()) {
                lost.incrementAndGet();
                return;
            }
            firstServer.sendMultipart(frames);
        });
        ZMQStream secondServer = server(SocketType.REP, second);
        secondServer.onRecv(secondServer::sendMultipart);
        ZmqRequester requester = requester(SocketType.DEALER, new RequestOptions(SHORT, 1, Duration.ZERO, 1_000),
                first, second);
        for (int i = 0; i < 20; i++) {
            assertThat(texts(requester.request(frames("warm " + i)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)))
                    .containsExactly("warm " + i);
        }

        // The first server takes its share of the requests and never answers, then goes away.
        dying.set(true);
        long secondBefore = secondServer.getStatistics().getMessagesReceived();
        List<CompletableFuture<List<byte[]>>> replies = requests(requester, 200);
        await(() -> lost.get() + secondServer.getStatistics().getMessagesReceived() - secondBefore == 200);
        serverLoop.execute(() -> firstServer.close(0));

        for (int i = 0; i < replies.size(); i++) {
            assertThat(texts(replies.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))).containsExactly("r" + i);
        }
        // With one retry and no timeout, each request got its reply on its first attempt or its resend.
        assertThat(lost.get()).isPositive();
        assertThat(requester.getStatistics().getRetries()).isEqualTo(lost.get());
        assertThat(requester.getStatistics().getTimeouts()).isZero();
        assertThat(requester.getStatistics().getReplies()).isEqualTo(220);
    }

    @Test
    void aReqStreamGoesOneAtATimeAndATimedOutRequestDoesNotLeaveItStuck() throws Exception {
        String endpoint = inproc();
        AtomicInteger seen = new AtomicInteger();
        ZMQStream server = server(SocketType.ROUTER, endpoint);
        // Drops the first attempt of each request: a plain REQ would wait for its reply forever.
        server.onRecv(frames -> {
            if (seen.incrementAndGet() % 2 == 1) {
                return;
            }
            server.sendMultipart(frames);
        });
        ZmqRequester requester = requester(SocketType.REQ, new RequestOptions(SHORT, 1, Duration.ZERO, 100), endpoint);

        List<CompletableFuture<List<byte[]>>> replies = requests(requester, 10);

        for (int i = 0; i < replies.size(); i++) {
            assertThat(texts(replies.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))).containsExactly("r" + i);
        }
        assertThat(seen).hasValue(20);
        assertThat(requester.getStatistics().getRetries()).isEqualTo(10);
        assertThat(requester.getStatistics().getPending()).isZero();
    }

    @Test
    void beyondTheBoundARequestFailsAtOnceUnderTheFailPolicyAndWaitsUnderBlock() throws Exception {
        String endpoint = inproc();
        List<List<byte[]>> held = new ArrayList<>();
        ZMQStream server = server(SocketType.ROUTER, endpoint);
        server.onRecv(held::add);
        ZMQStream failing = new ZMQStream(context.createSocket(SocketType.DEALER), loop,
                new SendQueueOptions(100, OverflowPolicy.FAIL, Duration.ZERO));
        failing.setName("bounded");
        failing.connect(endpoint);
        ZmqRequester requester = track(new ZmqRequester(failing, new RequestOptions(TIMEOUT, 0, Duration.ZERO, 2),
                ForkJoinPool.commonPool()));

        requester.request(frames("one"));
        requester.request(frames("two"));
        CompletableFuture<List<byte[]>> third = requester.request(frames("three"));

        assertThatThrownBy(() -> third.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).cause()
                .isInstanceOf(ZmqRequestRejectedException.class)
                .hasMessageContaining("2 requests in flight on stream 'bounded' (overflow policy FAIL)");
        assertThat(requester.getStatistics().getRejected()).isEqualTo(1);
    }

    @Test
    void closingFailsEveryWaitingRequestAtOnceAndTheLaterOnes() throws Exception {
        String endpoint = inproc();
        ZMQStream server = server(SocketType.ROUTER, endpoint);
        server.onRecv(frames -> { });
        ZmqRequester requester = requester(SocketType.DEALER, RequestOptions.defaults(), endpoint);
        List<RequestOutcome> outcomes = new ArrayList<>();
        requester.setCompletionListener((outcome, elapsed) -> outcomes.add(outcome));
        CompletableFuture<List<byte[]>> waiting = requester.request(frames("never answered"));
        await(() -> requester.getStatistics().getPending() == 1);

        long closing = System.nanoTime();
        requester.close();

        assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).cause().isInstanceOf(ZmqRequesterClosedException.class)
                .hasMessage("The requests of stream 'client' are closed: no reply will come");
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(RequestOptions.DEFAULT_TIMEOUT);
        assertThatThrownBy(() -> requester.request(frames("later")).get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ZmqRequesterClosedException.class);
        assertThat(outcomes).containsExactly(RequestOutcome.CLOSED, RequestOutcome.CLOSED);
        assertThat(requester.getStream().isReceiving()).isFalse();
    }

    @Test
    void closingTheStreamFailsItsWaitingRequests() throws Exception {
        String endpoint = inproc();
        server(SocketType.ROUTER, endpoint).onRecv(frames -> { });
        ZmqRequester requester = requester(SocketType.DEALER, RequestOptions.defaults(), endpoint);
        CompletableFuture<List<byte[]>> waiting = requester.request(frames("never answered"));
        await(() -> requester.getStatistics().getPending() == 1);

        requester.getStream().close(0);

        assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).cause().isInstanceOf(ZmqRequesterClosedException.class);
        assertThat(requester.isClosed()).isTrue();
    }

    @Test
    void repliesCompleteOffTheLoopThreadAndAStreamWithAListenerIsRefused() throws Exception {
        String endpoint = inproc();
        ZMQStream server = server(SocketType.REP, endpoint);
        server.onRecv(server::sendMultipart);
        ZmqRequester requester = requester(SocketType.DEALER, RequestOptions.defaults(), endpoint);

        String thread = requester.request(frames("where")).thenApply(reply -> Thread.currentThread().getName())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(thread).isNotEqualTo("test-ioloop");
        ZMQStream listened = stream(SocketType.DEALER);
        listened.onRecv(frames -> { });
        assertThatThrownBy(() -> new ZmqRequester(listened, RequestOptions.defaults(), Runnable::run))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has a receive callback");
        assertThatThrownBy(() -> new ZmqRequester(stream(SocketType.PUSH), RequestOptions.defaults(), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Requests need a DEALER or REQ stream");
    }

    /** A server on the server loop, bound to the endpoint. */
    private ZMQStream server(SocketType type, String endpoint) {
        ZMQStream server = new ZMQStream(context.createSocket(type), serverLoop);
        server.bind(endpoint);
        return server;
    }

    /** A requester on a stream named "client" of the test's loop, connected to the endpoints. */
    private ZmqRequester requester(SocketType type, RequestOptions options, String... endpoints) {
        ZMQStream client = stream(type);
        client.setName("client");
        for (String endpoint : endpoints) {
            client.connect(endpoint);
        }
        return track(new ZmqRequester(client, options, ForkJoinPool.commonPool()));
    }

    private ZmqRequester track(ZmqRequester requester) {
        requesters.add(requester);
        return requester;
    }

    /** A DEALER requester with the given retries of a {@link #dropsEveryThirdAndDelaysEveryFifth} server. */
    private ZmqRequester requesterOfADroppingAndDelayingServer(int retries) {
        String endpoint = inproc();
        dropsEveryThirdAndDelaysEveryFifth(server(SocketType.ROUTER, endpoint));
        return requester(SocketType.DEALER, new RequestOptions(SHORT, retries, Duration.ZERO, 1_000), endpoint);
    }

    /** The requests {@code r0}, {@code r1}, ... made at once, in order. */
    private static List<CompletableFuture<List<byte[]>>> requests(ZmqRequester requester, int count) {
        List<CompletableFuture<List<byte[]>>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(requester.request(frames("r" + i)));
        }
        return replies;
    }

    /**
     * A ROUTER echo of requests {@code r<i>} that, the first time it sees one, does not answer
     * every third and answers every fifth of the others after 500 ms; a request seen again is
     * answered at once.
     */
    private void dropsEveryThirdAndDelaysEveryFifth(ZMQStream server) {
        Set<String> seen = new HashSet<>();
        server.onRecv(frames -> {
            String request = new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);
            int i = Integer.parseInt(request.substring(1));
            boolean first = seen.add(request);
            if (first && i % 3 == 0) {
                return;
            }
            if (first && i % 5 == 0) {
                serverLoop.callLater(Duration.ofMillis(500), () -> server.sendMultipart(frames));
                return;
            }
            server.sendMultipart(frames);
        });
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(TIMEOUT).until(condition::getAsBoolean);
    }

    private static List<byte[]> frames(String... texts) {
        List<byte[]> frames = new ArrayList<>();
        for (String text : texts) {
            frames.add(text.getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }
}
