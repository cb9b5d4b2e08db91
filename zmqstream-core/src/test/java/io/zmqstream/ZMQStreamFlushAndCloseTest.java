package io.zmqstream;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.UnixOperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ZMQStreamFlushAndCloseTest extends LoopTestSupport {

    private ZMQStream pullWithBacklog(int messages) {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        for (int i = 0; i < messages; i++) {
            push.send("m" + i);
        }
        return pull;
    }

    @Test
    void flushInWithoutCallbackDropsExactlyTheLimit() {
        ZMQStream pull = pullWithBacklog(5);

        assertThat(pull.flush(ZMQ.Poller.POLLIN, 2)).isEqualTo(2);

        List<String> rest = new CopyOnWriteArrayList<>();
        pull.onRecv(frames -> rest.add(text(frames.get(0))));
        await().atMost(TIMEOUT).until(() -> rest.size() == 3);
        assertThat(rest).containsExactly("m2", "m3", "m4");
    }

    @Test
    void flushKeepsToTheInFlightLimitOfAnAsynchronousCallback() {
        ZMQStream pull = pullWithBacklog(10);
        List<CompletableFuture<Void>> inFlight = pendingStages(pull, 2);
        await().atMost(TIMEOUT).until(() -> inFlight.size() == 2);

        assertThat(pull.flush(ZMQ.Poller.POLLIN)).isZero();
        assertThat(inFlight).hasSize(2);

        inFlight.get(0).complete(null);
        await().atMost(TIMEOUT).until(() -> inFlight.size() == 3);
        assertThat(pull.getStatistics().getMessagesReceived()).isEqualTo(3);
    }

    @Test
    void flushInDeliversToTheCallbackAndLimitZeroMeansNoLimit() {
        ZMQStream pull = pullWithBacklog(4);
        List<String> received = new CopyOnWriteArrayList<>();
        // Registering and flushing in one loop task: the flush, not the loop, handles the backlog.
        int flushed = loop.submit(() -> {
            pull.onRecv(frames -> received.add(text(frames.get(0))));
            return pull.flush(ZMQ.Poller.POLLIN, 0);
        }).join();

        assertThat(flushed).isEqualTo(4);
        assertThat(received).containsExactly("m0", "m1", "m2", "m3");
    }

    @Test
    void flushOutSendsTheQueueNowAndCountsBothDirections() {
        String endpoint = inproc();
        ZMQStream pair = bound(SocketType.PAIR, endpoint);
        ZMQ.Socket other = connected(SocketType.PAIR, endpoint);
        other.send("in 1");
        other.send("in 2");

        int flushed = loop.submit(() -> {
            pair.sendString("out 1");
            pair.sendString("out 2");
            return pair.flush();
        }).join();

        assertThat(flushed).isEqualTo(4);
        assertThat(receive(other)).containsExactly("out 1");
        assertThat(receive(other)).containsExactly("out 2");
        assertThat(pair.getStatistics().getMessagesReceived()).isEqualTo(2);
    }

    @Test
    void flushFromAnotherThreadRunsOnTheLoop() {
        ZMQStream pull = pullWithBacklog(3);
        await().atMost(TIMEOUT).until(() -> pull.flush(ZMQ.Poller.POLLIN, 0) > 0);
        assertThat(pull.getStatistics().getMessagesReceived()).isBetween(1L, 3L);
    }

    @Test
    void closeWithLingerDeliversAThousandQueuedMessagesToALivePeer() throws Exception {
        ZMQ.Socket pull = peer(SocketType.PULL);
        pull.setRcvHWM(10);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        ZMQStream push = stream(SocketType.PUSH);
        push.withSocket(socket -> socket.setSndHWM(10));
        push.connect("tcp://127.0.0.1:" + port);
        AtomicInteger sent = new AtomicInteger();
        push.onSend((msg, status) -> sent.incrementAndGet());
        // 32 KB each, so that neither the high-water marks nor the kernel's buffers hold the backlog.
        byte[] payload = new byte[32 * 1024];
        for (int i = 0; i < 1_000; i++) {
            push.sendMultipart(List.of(bytes(Integer.toString(i)), payload));
        }
        await().atMost(TIMEOUT).until(() -> sent.get() > 0);
        assertThat(push.getStatistics().getQueueDepth()).isGreaterThan(500);

        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> delivered = reader.submit(() -> {
                List<String> numbers = new java.util.ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    numbers.add(receive(pull).get(0));
                }
                return numbers;
            });

            push.close(10_000);

            List<String> expected = java.util.stream.IntStream.range(0, 1_000).mapToObj(Integer::toString).toList();
            assertThat(delivered.get(20, TimeUnit.SECONDS)).isEqualTo(expected);
        }
        finally {
            reader.shutdownNow();
        }
        assertThat(push.getStatistics().getSendFailures()).isZero();
    }

    @Test
    void closeReportsWhatCouldNotBeSentWithinTheLinger() {
        // A PUSH with no peer cannot send anything.
        ZMQStream push = stream(SocketType.PUSH);
        List<MessageTracker> statuses = new CopyOnWriteArrayList<>();
        push.onSend((msg, status) -> statuses.add(status));
        for (int i = 0; i < 3; i++) {
            push.sendString("stuck " + i);
        }
        AtomicInteger closeCallbacks = new AtomicInteger();
        push.setCloseCallback(closeCallbacks::incrementAndGet);

        push.close(100);

        assertThat(push.isClosed()).isTrue();
        assertThat(closeCallbacks.get()).isEqualTo(1);
        assertThat(statuses).hasSize(3).allSatisfy(status -> {
            assertThat(status.isSent()).isFalse();
            assertThat(status.getFailure().reason()).isEqualTo(SendFailure.Reason.DROPPED_ON_CLOSE);
        });
        assertThat(push.getStatistics().getSendFailures(SendFailure.Reason.DROPPED_ON_CLOSE)).isEqualTo(3);
        assertThat(push.isSending()).isFalse();
    }

    @Test
    void everyMessageSentWhileClosingIsSentReportedOrRefused() throws Exception {
        String endpoint = inproc();
        ZMQ.Socket pull = peer(SocketType.PULL);
        pull.setRcvHWM(0);
        pull.bind(endpoint);
        ZMQStream push = stream(SocketType.PUSH);
        push.connect(endpoint);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        SendCallback outcome = (msg, status) -> (status.isSent() ? sent : failed).incrementAndGet();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(senders.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        try {
                            push.send(bytes("m"), 0, outcome);
                        }
                        catch (IllegalStateException closed) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            await().atMost(TIMEOUT).until(() -> sent.get() > 1_000);

            push.close(0);

            for (Future<?> sender : running) {
                sender.get(10, TimeUnit.SECONDS);
            }
        }
        finally {
            senders.shutdownNow();
        }
        assertThat(sent.get() + failed.get() + refused.get()).isEqualTo(20_000);
        for (int i = 0; i < sent.get(); i++) {
            assertThat(pull.recv()).as("delivered message %d of %d", i, sent.get()).isNotNull();
        }
    }

    @Test
    void closedStreamRefusesSendsAndSocketOperations() {
        ZMQStream push = stream(SocketType.PUSH);
        push.close();

        assertThat(push.isClosed()).isTrue();
        assertThat(push.isReceiving()).isFalse();
        assertThatThrownBy(() -> push.sendString("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> push.connect(inproc())).isInstanceOf(IllegalStateException.class);
        assertThat(push.flush()).isZero();
    }

    @Test
    void closeFromACallbackOnTheLoopThreadFinishes() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        pull.setCloseCallback(() -> closed.complete(null));
        pull.onRecv(frames -> pull.close());
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.send("close please");

        closed.orTimeout(10, TimeUnit.SECONDS).join();
        assertThat(pull.isClosed()).isTrue();
    }

    @Test
    void aSocketHasOneOpenStreamAtATime() {
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);
        ZMQStream first = new ZMQStream(socket, loop);

        assertThatThrownBy(() -> new ZMQStream(socket, loop))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has an open ZMQStream");
        first.close();
    }

    @Test
    void aStreamTheLoopRefusesLeavesItsSocketFreeForTheNextStream() {
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);
        loop.addHandler(socket, (s, events) -> { }, 0);

        assertThatThrownBy(() -> new ZMQStream(socket, loop))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has a handler");
        assertThat(loop.getStreams()).isEmpty();

        loop.removeHandler(socket);
        ZMQStream stream = new ZMQStream(socket, loop);
        String endpoint = inproc();
        stream.bind(endpoint);
        List<String> received = new CopyOnWriteArrayList<>();
        stream.onRecv(frames -> received.add(text(frames.get(0))));
        connected(SocketType.PUSH, endpoint).send("after the refusal");
        await().atMost(TIMEOUT).until(() -> received.size() == 1);
        assertThat(loop.getStreams()).containsExactly(stream);
    }

    @Test
    void aStreamOnAClosedLoopIsRefusedAndItsSocketStaysFree() {
        ZmqIoLoop closedLoop = new ZmqIoLoop(context, "closed-loop");
        closedLoop.close();
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);

        assertThatThrownBy(() -> new ZMQStream(socket, closedLoop)).isInstanceOf(RuntimeException.class);

        ZMQStream stream = new ZMQStream(socket, loop);
        assertThat(stream.isClosed()).isFalse();
        assertThat(closedLoop.getStreams()).isEmpty();
    }

    @Test
    void twoThousandStreamsCreatedAndClosedLeaveNoDescriptorOpen() {
        UnixOperatingSystemMXBean system = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        stream(SocketType.PULL).close();
        long before = system.getOpenFileDescriptorCount();

        for (int round = 0; round < 10; round++) {
            List<ZMQStream> streams = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                ZMQStream stream = bound(SocketType.PULL, inproc());
                stream.onRecv(frames -> { });
                streams.add(stream);
            }
            streams.forEach(ZMQStream::close);
        }

        assertThat(loop.getStreams()).isEmpty();
        await().atMost(TIMEOUT).until(() -> system.getOpenFileDescriptorCount() <= before + 8);
    }

    @Test
    void closingTheLoopClosesItsStreams() {
        ZMQStream a = stream(SocketType.PULL);
        ZMQStream b = stream(SocketType.PUSH);
        AtomicInteger closeCallbacks = new AtomicInteger();
        a.setCloseCallback(closeCallbacks::incrementAndGet);
        b.setCloseCallback(closeCallbacks::incrementAndGet);

        loop.close();

        assertThat(closeCallbacks.get()).isEqualTo(2);
        assertThat(a.isClosed()).isTrue();
        assertThat(b.isClosed()).isTrue();
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void streamNeedsALoopWhenCreatedOffALoopThread() {
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);

        assertThatThrownBy(() -> new ZMQStream(socket))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No ZmqIoLoop runs on thread");
    }

    @Test
    void streamCreatedOnTheLoopThreadUsesThatLoop() {
        ZMQ.Socket socket = context.createSocket(SocketType.PULL);

        ZMQStream stream = loop.submit(() -> new ZMQStream(socket)).join();

        assertThat(stream.getIoLoop()).isSameAs(loop);
        assertThat(stream.getSocket()).isSameAs(socket);
    }

    @Test
    void socketOperationsRunOnTheLoopThread() {
        ZMQStream sub = stream(SocketType.SUB);
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        sub.withSocket(socket -> ranOn.set(Thread.currentThread()));
        String endpoint = inproc();

        assertThat(ranOn.get().getName()).isEqualTo("test-ioloop");
        assertThat(sub.bind(endpoint)).isTrue();
        assertThat(sub.subscribe("topic")).isTrue();
        assertThat(sub.unsubscribe("topic")).isTrue();
        assertThat(sub.subscribe("")).isTrue();
        assertThat(sub.unbind(endpoint)).isTrue();
    }

    @Test
    void subStreamReceivesOnlyItsTopicAndDisconnectStopsTheFlow() {
        ZMQ.Socket pub = peer(SocketType.PUB);
        int port = pub.bindToRandomPort("tcp://127.0.0.1");
        ZMQStream sub = stream(SocketType.SUB);
        String endpoint = "tcp://127.0.0.1:" + port;
        sub.connect(endpoint);
        sub.subscribe("news");
        List<String> received = new CopyOnWriteArrayList<>();
        sub.onRecv(frames -> received.add(text(frames.get(0))));

        // A subscription takes a moment to reach the publisher: publish until one arrives.
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
            pub.send("sport ignored");
            pub.send("news today");
            return !received.isEmpty();
        });

        assertThat(received).allMatch(message -> message.startsWith("news"));
        assertThat(sub.disconnect(endpoint)).isTrue();
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedErrorCallbacksDoNothing() {
        ZMQStream pull = stream(SocketType.PULL);
        AtomicInteger called = new AtomicInteger();

        pull.onErr(called::incrementAndGet);
        pull.stopOnErr();

        assertThat(called.get()).isZero();
        assertThat(pull.isReceiving()).isFalse();
    }
}
