package io.zmqstream;

import java.io.InvalidClassException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ZMQStreamSendTest extends LoopTestSupport {

    /** A PUSH stream connected to a PULL peer owned by the test thread. */
    private ZMQ.Socket pullPeer;

    private ZMQStream pushStream(SendQueueOptions options) {
        String endpoint = inproc();
        pullPeer = peer(SocketType.PULL);
        pullPeer.bind(endpoint);
        ZMQStream push = new ZMQStream(context.createSocket(SocketType.PUSH), loop, options);
        push.connect(endpoint);
        return push;
    }

    private ZMQStream pushStream() {
        return pushStream(SendQueueOptions.defaults());
    }

    @Test
    void sendsFromEightThreadsArriveCompleteAndInPerThreadOrder() throws Exception {
        ZMQStream pull = stream(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        Map<Integer, List<Integer>> byThread = new HashMap<>();
        CountDownLatch all = new CountDownLatch(80_000);
        pull.onRecv(frames -> {
            byThread.computeIfAbsent(Integer.parseInt(text(frames.get(0))), t -> new ArrayList<>())
                    .add(Integer.parseInt(text(frames.get(1))));
            all.countDown();
        });
        ZMQStream push = stream(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        push.sendMultipart(List.of(bytes(Integer.toString(thread)), bytes(Integer.toString(i))));
                    }
                }));
            }
            for (Future<?> sender : done) {
                sender.get(30, TimeUnit.SECONDS);
            }
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        }
        finally {
            senders.shutdownNow();
        }
        // Callbacks ran on the loop thread only, so reading the map after the latch is safe.
        assertThat(byThread).hasSize(8);
        byThread.values().forEach(sequence -> {
            assertThat(sequence).hasSize(10_000);
            assertThat(sequence).isSorted().doesNotHaveDuplicates();
        });
        assertThat(push.getStatistics().getMessagesSent()).isEqualTo(80_000);
        assertThat(pull.getStatistics().getMessagesReceived()).isEqualTo(80_000);
    }

    @Test
    void aSendJustAsTheLoopFindsTheQueueEmptyIsNeverLeftUnsent() throws Exception {
        // Each send lands on an empty queue while the loop may be just clearing its watch for room:
        // a sender skips waking the loop only while it watches, so every message must still leave.
        ZMQStream push = pushStream();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 5_000; i++) {
                String text = Integer.toString(i);
                sender.submit(() -> push.send(bytes(text))).get(10, TimeUnit.SECONDS);
                assertThat(pullPeer.recvStr()).as("message %d", i).isEqualTo(text);
            }
        }
        finally {
            sender.shutdownNow();
        }
    }

    @Test
    void eachBindConnectAndCloseIsLoggedAtDebugNamingTheStream() {
        try (LogCapture log = new LogCapture(ZMQStream.class, Level.DEBUG)) {
            ZMQStream pair = stream(SocketType.PAIR);
            pair.setName("pairs");
            int port = pair.bindToRandomPort("tcp://127.0.0.1");
            String elsewhere = inproc();
            peer(SocketType.PAIR).bind(elsewhere);
            pair.connect(elsewhere);
            pair.disconnect(elsewhere);
            pair.close();

            assertThat(log.lines()).contains("DEBUG ZMQStream[pairs, PAIR] bound to tcp://127.0.0.1:" + port,
                    "DEBUG ZMQStream[pairs, PAIR] connecting to " + elsewhere,
                    "DEBUG ZMQStream[pairs, PAIR] disconnected from " + elsewhere,
                    "DEBUG ZMQStream[pairs, PAIR] closed its socket");
        }
    }

    @Test
    void reqStreamSendsTheSecondQueuedRequestOnlyAfterTheReply() {
        String endpoint = inproc();
        ZMQ.Socket router = peer(SocketType.ROUTER);
        router.bind(endpoint);
        ZMQStream req = stream(SocketType.REQ);
        req.connect(endpoint);
        List<String> replies = new CopyOnWriteArrayList<>();
        req.onRecv(frames -> replies.add(text(frames.get(0))));

        req.sendString("first");
        req.sendString("second");

        ZMsg firstRequest = ZMsg.recvMsg(router);
        assertThat(firstRequest.getLast().getString(ZMQ.CHARSET)).isEqualTo("first");
        await().during(Duration.ofMillis(300)).atMost(TIMEOUT)
                .until(() -> (router.getEvents() & ZMQ.Poller.POLLIN) == 0 && req.isSending());

        ZMsg reply = firstRequest.duplicate();
        reply.getLast().reset("reply to first");
        reply.send(router);

        ZMsg secondRequest = ZMsg.recvMsg(router);
        assertThat(secondRequest.getLast().getString(ZMQ.CHARSET)).isEqualTo("second");
        await().atMost(TIMEOUT).until(() -> replies.contains("reply to first"));
    }

    @Test
    void theStreamKnowsItsBoundAndConnectedEndpointsWithTheChosenPort() {
        ZMQStream pair = stream(SocketType.PAIR);
        int port = pair.bindToRandomPort("tcp://127.0.0.1");
        String named = inproc();
        assertThat(pair.bind(named)).isTrue();
        String elsewhere = inproc();
        peer(SocketType.PAIR).bind(elsewhere);
        assertThat(pair.connect(elsewhere)).isTrue();

        assertThat(pair.getBoundEndpoints()).containsExactly("tcp://127.0.0.1:" + port, named);
        assertThat(pair.getConnectedEndpoints()).containsExactly(elsewhere);

        pair.unbind(named);
        pair.disconnect(elsewhere);
        assertThat(pair.getBoundEndpoints()).containsExactly("tcp://127.0.0.1:" + port);
        assertThat(pair.getConnectedEndpoints()).isEmpty();
    }

    @Test
    void repStreamAnswersEachOfSeveralWaitingRequestsInTurn() {
        String endpoint = inproc();
        ZMQStream rep = bound(SocketType.REP, endpoint);
        List<String> requestsSeen = new CopyOnWriteArrayList<>();
        rep.onRecvStream((stream, frames) -> {
            requestsSeen.add(text(frames.get(0)));
            stream.sendString("reply to " + text(frames.get(0)));
        });
        List<ZMQ.Socket> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(connected(SocketType.REQ, endpoint));
        }

        // All four wait at the REP at once: JeroMQ 0.6.0's REP would read the next one, envelope
        // and all, if asked while it still owes a reply.
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < clients.size(); i++) {
                clients.get(i).send("c" + i + " r" + round);
            }
            for (int i = 0; i < clients.size(); i++) {
                ZMsg reply = ZMsg.recvMsg(clients.get(i));
                assertThat(reply).as("reply to client %d in round %d", i, round).isNotNull();
                assertThat(reply.size()).isEqualTo(1);
                assertThat(reply.getFirst().getString(ZMQ.CHARSET)).isEqualTo("reply to c" + i + " r" + round);
            }
        }
        assertThat(requestsSeen).hasSize(200);
    }

    @Test
    void aSecondReplyFromARepHandlerFailsInsteadOfAnsweringTheNextRequest() {
        String endpoint = inproc();
        ZMQStream rep = bound(SocketType.REP, endpoint);
        List<MessageTracker> secondReplies = new CopyOnWriteArrayList<>();
        rep.onRecvStream((stream, frames) -> {
            String request = text(frames.get(0));
            stream.sendString(request + "-a");
            stream.send(bytes(request + "-b"), 0, (msg, status) -> secondReplies.add(status));
        });
        ZMQ.Socket first = connected(SocketType.REQ, endpoint);
        ZMQ.Socket second = connected(SocketType.REQ, endpoint);

        first.send("q1");
        assertThat(receive(first)).containsExactly("q1-a");
        second.send("q2");
        assertThat(receive(second)).containsExactly("q2-a");

        await().atMost(TIMEOUT).until(() -> secondReplies.size() == 2);
        assertThat(secondReplies).allSatisfy(status -> {
            assertThat(status.isSent()).isFalse();
            assertThat(status.getFailure().reason()).isEqualTo(SendFailure.Reason.INVALID_STATE);
        });
        assertThat(rep.getStatistics().getSendFailures(SendFailure.Reason.INVALID_STATE)).isEqualTo(2);
        assertThat(rep.getStatistics().getMessagesSent()).isEqualTo(2);
    }

    @Test
    void aZFrameWithoutDataIsRefusedWhetherCopiedOrNot() {
        ZMQStream push = pushStream();
        ZFrame withoutData = new ZFrame((byte[]) null);

        for (boolean copy : new boolean[] { true, false }) {
            assertThatThrownBy(() -> push.sendMultipart(List.of(withoutData), 0, copy, false, null))
                    .as("copy=%s", copy).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Frame 0 is a ZFrame without data");
        }
        assertThat(push.isSending()).isFalse();
        assertThat(push.getStatistics().getMessagesSent()).isZero();
    }

    @Test
    void sendMultipartAcceptsByteArraysByteBuffersAndZFrames() {
        ZMQStream push = pushStream();

        push.sendMultipart(List.of(bytes("array"), ByteBuffer.wrap(bytes("buffer")), new ZFrame("zframe")));
        ZMsg msg = new ZMsg();
        msg.add("z1");
        msg.add("z2");
        push.sendMultipart(msg);

        assertThat(receive(pullPeer)).containsExactly("array", "buffer", "zframe");
        assertThat(receive(pullPeer)).containsExactly("z1", "z2");
        assertThat(msg).hasSize(2);
    }

    @Test
    void aFrameOfAnotherTypeFailsTheCallerAtOnce() {
        ZMQStream push = pushStream();

        assertThatThrownBy(() -> push.sendMultipart(List.of(bytes("ok"), "a string")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Frame 1 is a java.lang.String");
        assertThatThrownBy(() -> push.sendMultipart(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(push.isSending()).isFalse();
    }

    @Test
    void sndMoreContinuesTheMessageWithTheNextSend() {
        ZMQStream push = pushStream();

        push.send(bytes("part 1"), ZMQ.SNDMORE);
        push.send(bytes("part 2"));

        assertThat(receive(pullPeer)).containsExactly("part 1", "part 2");
    }

    @Test
    @SuppressWarnings("deprecation")
    void sendStringUnicodeJsonAndObject() throws Exception {
        ZMQStream push = pushStream();

        push.sendUnicode("legacy", 0, java.nio.charset.StandardCharsets.UTF_16BE);
        push.sendString("text");
        push.sendJson(Map.of("answer", 42));
        push.sendObject(new ArrayList<>(List.of("x")));

        assertThat(new String(pullPeer.recv(), java.nio.charset.StandardCharsets.UTF_16BE)).isEqualTo("legacy");
        assertThat(receive(pullPeer)).containsExactly("text");
        assertThat(receive(pullPeer)).containsExactly("{\"answer\":42}");
        byte[] serialized = pullPeer.recv();
        Object decoded = JavaSerialization.deserialize(serialized,
                JavaSerialization.allowList("java.util.ArrayList;java.lang.String"));
        assertThat(decoded).isEqualTo(List.of("x"));
        assertThatThrownBy(() -> JavaSerialization.deserialize(serialized, null))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("no allow-list");
        assertThatThrownBy(() -> JavaSerialization.deserialize(serialized, JavaSerialization.allowList("java.lang.String")))
                .isInstanceOf(InvalidClassException.class);
    }

    @Test
    void sendJsonUsesTheEncoderGiven() {
        ZMQStream push = pushStream();
        push.setJsonEncoder(value -> bytes("custom:" + value));

        push.sendJson("v");

        assertThat(receive(pullPeer)).containsExactly("custom:v");
    }

    @Test
    void perMessageCallbackFiresForItsMessageOnlyAndOnSendForEvery() {
        ZMQStream push = pushStream();
        List<String> perMessage = new CopyOnWriteArrayList<>();
        List<String> everyMessage = new CopyOnWriteArrayList<>();
        push.onSend((msg, status) -> everyMessage.add(text((byte[]) msg.get(0)) + ":" + status.isSent()));

        push.send(bytes("one"), 0, (msg, status) -> perMessage.add(text((byte[]) msg.get(0))));
        push.send(bytes("two"));
        push.send(bytes("three"), 0, (msg, status) -> perMessage.add(text((byte[]) msg.get(0))));

        await().atMost(TIMEOUT).until(() -> everyMessage.size() == 3);
        assertThat(everyMessage).containsExactly("one:true", "two:true", "three:true");
        assertThat(perMessage).containsExactly("one", "three");
    }

    @Test
    void onSendStreamPassesTheStreamAndStopOnSendRemovesIt() {
        ZMQStream push = pushStream();
        List<ZMQStream> seen = new CopyOnWriteArrayList<>();
        push.onSendStream((stream, msg, status) -> seen.add(stream));

        push.sendString("a");
        await().atMost(TIMEOUT).until(() -> seen.size() == 1);
        push.stopOnSend();
        push.sendString("b");

        assertThat(receive(pullPeer)).containsExactly("a");
        assertThat(receive(pullPeer)).containsExactly("b");
        assertThat(seen).containsExactly(push);
    }

    @Test
    void copiedSendsLeaveTheCallersBufferFreeAndTrackedSendsReportDone() {
        ZMQStream push = pushStream();
        AtomicReference<MessageTracker> copiedStatus = new AtomicReference<>();
        AtomicReference<MessageTracker> trackedStatus = new AtomicReference<>();
        AtomicReference<MessageTracker> sharedStatus = new AtomicReference<>();
        byte[] buffer = bytes("original");

        push.send(buffer, 0, true, false, (msg, status) -> copiedStatus.set(status));
        buffer[0] = 'X';
        push.send(bytes("tracked"), 0, false, true, (msg, status) -> trackedStatus.set(status));
        push.send(bytes("shared"), 0, false, false, (msg, status) -> sharedStatus.set(status));

        assertThat(receive(pullPeer)).containsExactly("original");
        assertThat(receive(pullPeer)).containsExactly("tracked");
        assertThat(receive(pullPeer)).containsExactly("shared");
        await().atMost(TIMEOUT).until(() -> sharedStatus.get() != null);
        assertThat(copiedStatus.get().isDone()).isTrue();
        assertThat(trackedStatus.get().isDone()).isTrue();
        assertThat(trackedStatus.get().isSent()).isTrue();
        assertThat(sharedStatus.get().isDone()).isFalse();
        assertThat(sharedStatus.get().isSent()).isTrue();
    }

    @Test
    void fullQueueWithPolicyFailThrowsAtTheCaller() {
        loop.stop();
        await().atMost(TIMEOUT).until(() -> !loop.isRunning());
        ZMQStream push = pushStream(new SendQueueOptions(3, OverflowPolicy.FAIL, Duration.ZERO));

        push.sendString("1");
        push.sendString("2");
        push.sendString("3");

        assertThatThrownBy(() -> push.sendString("4"))
                .isInstanceOf(SendQueueFullException.class).hasMessageContaining("3 messages");
        assertThat(push.getStatistics().getSendFailures(SendFailure.Reason.QUEUE_FULL)).isEqualTo(1);
        assertThat(push.getStatistics().getQueueDepth()).isEqualTo(3);
        loop.start();
        assertThat(receive(pullPeer)).containsExactly("1");
        assertThat(receive(pullPeer)).containsExactly("2");
        assertThat(receive(pullPeer)).containsExactly("3");
    }

    @Test
    void aNamedStreamSaysItsNameAndKeepsItsSendQueueOptions() {
        SendQueueOptions options = new SendQueueOptions(7, OverflowPolicy.DROP, Duration.ofMillis(5));
        ZMQStream push = new ZMQStream(context.createSocket(SocketType.PUSH), loop, options);

        push.setName("orders");

        assertThat(push.getName()).isEqualTo("orders");
        assertThat(push).hasToString("ZMQStream[orders, PUSH]");
        assertThat(push.getSendQueueOptions()).isEqualTo(options);
    }

    @Test
    void fullQueueWithPolicyDropReportsTheDroppedMessageToItsCallback() {
        loop.stop();
        await().atMost(TIMEOUT).until(() -> !loop.isRunning());
        ZMQStream push = pushStream(new SendQueueOptions(1, OverflowPolicy.DROP, Duration.ZERO));
        AtomicReference<MessageTracker> dropped = new AtomicReference<>();

        push.sendString("kept");
        push.sendString("dropped", 0, ZMQ.CHARSET, (msg, status) -> dropped.set(status));

        assertThat(dropped.get().isSent()).isFalse();
        assertThat(dropped.get().getFailure().reason()).isEqualTo(SendFailure.Reason.QUEUE_FULL);
        assertThat(push.getStatistics().getSendFailures(SendFailure.Reason.QUEUE_FULL)).isEqualTo(1);
        loop.start();
        assertThat(receive(pullPeer)).containsExactly("kept");
    }

    @Test
    void fullQueueWithPolicyBlockGivesUpAfterTheBlockTimeout() {
        ZMQStream push = pushStream(new SendQueueOptions(1, OverflowPolicy.BLOCK, Duration.ofMillis(200)));
        CountDownLatch release = new CountDownLatch(1);
        // Hold the loop thread so that nothing leaves the queue.
        loop.execute(() -> hold(release));
        push.sendString("1");

        assertThatThrownBy(() -> push.sendString("2")).isInstanceOf(SendQueueFullException.class)
                .hasMessageContaining("waited 200 ms");

        release.countDown();
        assertThat(receive(pullPeer)).containsExactly("1");
        assertThat(push.getStatistics().getSendFailures(SendFailure.Reason.QUEUE_FULL)).isEqualTo(1);
    }

    @Test
    void fullQueueWithPolicyBlockWaitsUntilThereIsRoom() throws Exception {
        ZMQStream push = pushStream(new SendQueueOptions(1, OverflowPolicy.BLOCK, Duration.ofSeconds(30)));
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> hold(release));
        push.sendString("1");
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            Future<?> blocked = sender.submit(() -> push.sendString("2"));
            await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> !blocked.isDone());

            release.countDown();

            blocked.get(10, TimeUnit.SECONDS);
        }
        finally {
            sender.shutdownNow();
        }
        assertThat(receive(pullPeer)).containsExactly("1");
        assertThat(receive(pullPeer)).containsExactly("2");
    }

    @Test
    void fullQueueWithPolicyBlockFailsOnTheLoopThreadInsteadOfDeadlocking() {
        ZMQStream push = pushStream(new SendQueueOptions(1, OverflowPolicy.BLOCK, Duration.ofSeconds(30)));

        Throwable failure = loop.submit(() -> {
            push.sendString("1");
            try {
                push.sendString("2");
                return null;
            }
            catch (SendQueueFullException ex) {
                return ex;
            }
        }).join();

        assertThat(failure).isInstanceOf(SendQueueFullException.class).hasMessageContaining("loop thread");
        assertThat(receive(pullPeer)).containsExactly("1");
    }

    @Test
    void unroutableRouterMessageIsReportedAndTheStreamGoesOn() {
        String endpoint = inproc();
        ZMQStream router = stream(SocketType.ROUTER);
        router.withSocket(socket -> socket.setRouterMandatory(true));
        router.bind(endpoint);
        ZMQ.Socket dealer = peer(SocketType.DEALER);
        dealer.setIdentity(bytes("known"));
        dealer.connect(endpoint);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        router.onSend((msg, status) -> outcomes.add(text((byte[]) msg.get(0)) + ":"
                + (status.isSent() ? "sent" : status.getFailure().reason())));
        router.onRecv(frames -> {
            router.sendMultipart(List.of(bytes("nobody"), bytes("lost")));
            router.sendMultipart(List.of(frames.get(0), bytes("pong")));
        });

        dealer.send("ping");

        assertThat(receive(dealer)).containsExactly("pong");
        await().atMost(TIMEOUT).until(() -> outcomes.size() == 2);
        assertThat(outcomes).containsExactly("nobody:SOCKET_ERROR", "known:sent");
        assertThat(router.getStatistics().getSendFailures(SendFailure.Reason.SOCKET_ERROR)).isEqualTo(1);
    }

    @Test
    void aMandatoryRouterWaitsForAPeerWhosePipeIsFullWithoutSpinningAndLosesNothing() {
        String endpoint = inproc();
        ZMQStream router = stream(SocketType.ROUTER);
        router.withSocket(socket -> {
            socket.setRouterMandatory(true);
            socket.setSndHWM(10);
        });
        router.bind(endpoint);
        ZMQ.Socket dealer = peer(SocketType.DEALER);
        dealer.setIdentity(bytes("slow"));
        dealer.setRcvHWM(10);
        dealer.connect(endpoint);
        router.onRecv(hello -> {
            for (int i = 0; i < 1_000; i++) {
                router.sendMultipart(List.of(hello.get(0), bytes("reply " + i)));
            }
        });

        dealer.send("hello");

        // JeroMQ's ROUTER reports room at all times, while it refuses what does not fit the peer's pipe.
        await().atMost(TIMEOUT).until(() -> router.getStatistics().getQueueDepth() > 900);
        LoopCpu.awaitSleeping(loop, Duration.ofMillis(300), TIMEOUT);
        for (int i = 0; i < 1_000; i++) {
            assertThat(receive(dealer)).containsExactly("reply " + i);
        }
        assertThat(router.getStatistics().getSendFailures()).isZero();
    }

    @Test
    void statisticsCountMessagesAndBytesEachWay() {
        String endpoint = inproc();
        ZMQStream pair = bound(SocketType.PAIR, endpoint);
        pair.onRecv(frames -> pair.sendMultipart(frames));
        ZMQ.Socket other = connected(SocketType.PAIR, endpoint);

        other.sendMore("ab");
        other.send("cde");
        assertThat(receive(other)).containsExactly("ab", "cde");

        await().atMost(TIMEOUT).until(() -> pair.getStatistics().getMessagesSent() == 1);
        StreamStatistics statistics = pair.getStatistics();
        assertThat(statistics.getMessagesReceived()).isEqualTo(1);
        assertThat(statistics.getBytesReceived()).isEqualTo(5);
        assertThat(statistics.getBytesSent()).isEqualTo(5);
        assertThat(statistics.getSendFailures()).isZero();
        assertThat(statistics.getQueueDepth()).isZero();
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
