package io.zmqstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZMQStreamReceiveTest extends LoopTestSupport {

    @Test
    void onRecvDeliversEveryFrameOfEachMessage() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<List<String>> received = new CopyOnWriteArrayList<>();
        pull.onRecv(frames -> received.add(texts(frames)));
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.sendMore("a");
        push.send("b");
        push.send("c");

        await().atMost(TIMEOUT).until(() -> received.size() == 2);
        assertThat(received).containsExactly(List.of("a", "b"), List.of("c"));
    }

    @Test
    void messageSentBeforeOnRecvIsDeliveredOnceRegistered() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        push.send("early");
        // The loop has seen the socket's edge for this message and had nobody to give it to.
        await().atMost(TIMEOUT).until(() -> loop.submit(() -> (pull.getSocket().getEvents() & ZMQ.Poller.POLLIN) != 0).join());

        List<String> received = new CopyOnWriteArrayList<>();
        pull.onRecv(frames -> received.add(text(frames.get(0))));

        await().atMost(TIMEOUT).until(() -> received.contains("early"));
    }

    @Test
    void onRecvNullPausesWithoutConsumingAndReRegisteringDrainsTheBacklog() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<String> received = new CopyOnWriteArrayList<>();
        RecvCallback callback = frames -> received.add(text(frames.get(0)));
        pull.onRecv(callback);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        push.send("before");
        await().atMost(TIMEOUT).until(() -> received.size() == 1);

        pull.onRecv(null);
        assertThat(pull.isReceiving()).isFalse();
        for (int i = 0; i < 5; i++) {
            push.send("paused " + i);
        }
        await().during(Duration.ofMillis(300)).atMost(TIMEOUT)
                .until(() -> pull.getStatistics().getMessagesReceived() == 1 && received.size() == 1);

        pull.onRecv(callback);

        await().atMost(TIMEOUT).until(() -> received.size() == 6);
        assertThat(received).containsExactly("before", "paused 0", "paused 1", "paused 2", "paused 3", "paused 4");
    }

    @Test
    void stopOnRecvStopsReceiving() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicInteger received = new AtomicInteger();
        pull.onRecv(frames -> received.incrementAndGet());
        assertThat(pull.isReceiving()).isTrue();

        pull.stopOnRecv();
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        push.send("waits");

        assertThat(pull.isReceiving()).isFalse();
        await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> received.get() == 0);
        assertThat(pull.flush(ZMQ.Poller.POLLIN)).isEqualTo(1);
    }

    @Test
    void onRecvStreamPassesTheStream() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicReference<ZMQStream> seen = new AtomicReference<>();
        AtomicReference<String> message = new AtomicReference<>();
        pull.onRecvStream((stream, frames) -> {
            seen.set(stream);
            message.set(text(frames.get(0)));
        });
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.send("hi");

        await().atMost(TIMEOUT).until(() -> seen.get() != null);
        assertThat(seen.get()).isSameAs(pull);
        assertThat(message.get()).isEqualTo("hi");
    }

    @Test
    void onRecvFramesKeepsTheMoreFlagAndThePeerAddressOverTcp() {
        ZMQStream pull = stream(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        List<Frame> received = new CopyOnWriteArrayList<>();
        pull.onRecvFrames(received::addAll);
        ZMQ.Socket push = peer(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);

        push.sendMore("head");
        push.send("tail");

        await().atMost(TIMEOUT).until(() -> received.size() == 2);
        assertThat(received.get(0).hasMore()).isTrue();
        assertThat(received.get(1).hasMore()).isFalse();
        assertThat(received.get(0).text()).isEqualTo("head");
        assertThat(received.get(1).buffer().remaining()).isEqualTo(4);
        assertThat(received.get(0).property("Peer-Address")).startsWith("127.0.0.1:");
    }

    @Test
    void onRecvStreamFramesPassesTheStreamAndFrames() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicReference<ZMQStream> seen = new AtomicReference<>();
        List<String> received = new CopyOnWriteArrayList<>();
        pull.onRecvStreamFrames((stream, frames) -> {
            seen.set(stream);
            frames.forEach(frame -> received.add(frame.text()));
        });
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.send("frame");

        await().atMost(TIMEOUT).until(() -> received.contains("frame"));
        assertThat(seen.get()).isSameAs(pull);
    }

    @Test
    void callbackThatThrowsOnEveryThirdMessageStillSeesEveryMessage() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        pull.onRecv(frames -> {
            int n = Integer.parseInt(text(frames.get(0)));
            seen.add(n);
            if (n % 3 == 0) {
                throw new IllegalStateException("listener failure on " + n);
            }
        });
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        for (int i = 1; i <= 60; i++) {
            push.send(Integer.toString(i));
        }

        await().atMost(TIMEOUT).until(() -> seen.size() == 60);
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(pull.getStatistics().getCallbackErrors()).isEqualTo(20);
        assertThat(pull.getStatistics().getMessagesReceived()).isEqualTo(60);
    }

    @Test
    void callbacksRunOnTheLoopThread() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicReference<ZmqIoLoop> current = new AtomicReference<>();
        pull.onRecv(frames -> current.set(ZmqIoLoop.current()));
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.send("x");

        await().atMost(TIMEOUT).until(() -> current.get() != null);
        assertThat(current.get()).isSameAs(loop);
    }

    @Test
    void onRecvAsyncCountsFailedStagesAndGoesOn() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<String> handled = new CopyOnWriteArrayList<>();
        pull.onRecvAsync(frames -> {
            String message = text(frames.get(0));
            handled.add(message);
            return message.equals("bad")
                    ? CompletableFuture.failedFuture(new IllegalArgumentException("bad message"))
                    : CompletableFuture.completedFuture(null);
        });
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.send("good");
        push.send("bad");
        push.send("after");

        await().atMost(TIMEOUT).until(() -> handled.size() == 3);
        await().atMost(TIMEOUT).until(() -> pull.getStatistics().getCallbackErrors() == 1);
        assertThat(handled).containsExactly("good", "bad", "after");
    }

    @Test
    void onRecvAsyncWithInFlightLimitPausesUntilAStageCompletes() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<CompletableFuture<Void>> inFlight = pendingStages(pull, 2);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        for (int i = 0; i < 5; i++) {
            push.send("m" + i);
        }

        await().atMost(TIMEOUT).until(() -> inFlight.size() == 2);
        await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> inFlight.size() == 2);
        inFlight.get(0).complete(null);
        await().atMost(TIMEOUT).until(() -> inFlight.size() == 3);
        inFlight.forEach(stage -> stage.complete(null));
        await().atMost(TIMEOUT).until(() -> inFlight.size() == 5);
        assertThat(pull.getStatistics().getMessagesReceived()).isEqualTo(5);
    }

    @Test
    void onRecvFramesAsyncHandsFramesToAnotherThreadWithinTheInFlightLimit() {
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        List<List<Frame>> messages = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> inFlight = new CopyOnWriteArrayList<>();
        pull.onRecvFramesAsync(frames -> {
            messages.add(frames);
            CompletableFuture<Void> stage = new CompletableFuture<>();
            inFlight.add(stage);
            return stage;
        }, 1);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        push.sendMore("first");
        push.send("part");
        push.send("second");

        await().atMost(TIMEOUT).until(() -> inFlight.size() == 1);
        await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> inFlight.size() == 1);
        // The test thread reads the frames the loop handed over, then completes their stage.
        assertThat(messages.get(0)).extracting(Frame::text).containsExactly("first", "part");
        inFlight.get(0).complete(null);
        await().atMost(TIMEOUT).until(() -> inFlight.size() == 2);
        assertThat(messages.get(1)).extracting(Frame::text).containsExactly("second");
        assertThat(pull.getStatistics().getMessagesReceived()).isEqualTo(2);
    }

    @Test
    void everyMessageArrivesWithABatchBudgetOfOne() {
        loop.setBatchBudget(1);
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicInteger received = new AtomicInteger();
        pull.onRecv(frames -> received.incrementAndGet());
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);

        for (int i = 0; i < 2_000; i++) {
            push.send("m");
        }

        await().atMost(TIMEOUT).until(() -> received.get() == 2_000);
    }

    @Test
    void busyStreamsShareTheLoopFairly() {
        loop.setBatchBudget(16);
        String first = inproc();
        String second = inproc();
        ZMQStream a = bound(SocketType.PULL, first);
        ZMQStream b = bound(SocketType.PULL, second);
        ZMQ.Socket pushA = connected(SocketType.PUSH, first);
        ZMQ.Socket pushB = connected(SocketType.PUSH, second);
        for (int i = 0; i < 500; i++) {
            pushA.send("a");
            pushB.send("b");
        }
        List<String> order = new CopyOnWriteArrayList<>();
        // Both backlogs are in place; register both callbacks in one loop task so both become ready together.
        loop.submit(() -> {
            a.onRecv(frames -> order.add("a"));
            b.onRecv(frames -> order.add("b"));
            return null;
        }).join();

        await().atMost(TIMEOUT).until(() -> order.size() == 1_000);
        // With a budget of 16, neither stream runs more than one turn's worth before the other gets its turn.
        assertThat(order.subList(0, 32)).contains("a", "b");
        assertThat(String.join("", order)).doesNotContain("a".repeat(17)).doesNotContain("b".repeat(17));
    }
}
