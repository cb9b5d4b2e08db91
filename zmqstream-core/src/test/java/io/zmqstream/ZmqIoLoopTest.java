package io.zmqstream;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ZmqIoLoopTest extends LoopTestSupport {

    @Test
    void startIsIdempotentAndCurrentIsTheLoopOnItsOwnThreadOnly() {
        loop.start();
        loop.start();

        assertThat(loop.isRunning()).isTrue();
        assertThat(ZmqIoLoop.current()).isNull();
        assertThat(loop.inLoopThread()).isFalse();
        assertThat(loop.submit(ZmqIoLoop::current).join()).isSameAs(loop);
        assertThat(loop.submit(loop::inLoopThread).join()).isTrue();
        assertThat(loop.submit(() -> Thread.currentThread().getName()).join()).isEqualTo("test-ioloop");
        assertThat(loop.getContext()).isSameAs(context);
    }

    @Test
    void tasksFromAnyThreadRunInOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            if (n % 2 == 0) {
                loop.execute(() -> order.add(n));
            }
            else {
                loop.addCallback(() -> order.add(n));
            }
        }

        loop.submit(() -> null).get(10, TimeUnit.SECONDS);

        assertThat(order).hasSize(1_000).isSorted();
    }

    @Test
    void aThrowingTaskDoesNotStopTheLoop() {
        loop.execute(() -> {
            throw new IllegalStateException("task failure");
        });
        loop.execute(() -> {
            throw new AssertionError("an Error, too");
        });

        assertThat(loop.submit(() -> "still running").join()).isEqualTo("still running");
    }

    @Test
    void callLaterRunsAfterTheDelayAndCancelStopsIt() {
        AtomicInteger cancelledRuns = new AtomicInteger();
        Timeout cancelled = loop.callLater(Duration.ofMillis(50), cancelledRuns::incrementAndGet);
        cancelled.cancel();
        long start = System.nanoTime();
        CompletableFuture<Long> ran = new CompletableFuture<>();

        loop.callLater(Duration.ofMillis(100), () -> ran.complete(System.nanoTime() - start));

        assertThat(ran.orTimeout(10, TimeUnit.SECONDS).join()).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        assertThat(cancelled.isCancelled()).isTrue();
        assertThat(cancelledRuns.get()).isZero();
    }

    @Test
    void cancelledTimeoutsLeaveTheTimerQueueLongBeforeTheirDeadline() {
        AtomicInteger liveRuns = new AtomicInteger();
        loop.callLater(Duration.ofMillis(200), liveRuns::incrementAndGet);
        for (int i = 0; i < 500_000; i++) {
            loop.callLater(Duration.ofHours(1), () -> { }).cancel();
        }

        assertThat(loop.scheduledTimers()).isLessThan(2_000);
        await().atMost(TIMEOUT).until(() -> liveRuns.get() == 1);
    }

    @Test
    void timersRunInDeadlineOrder() {
        List<String> order = new CopyOnWriteArrayList<>();
        loop.callLater(Duration.ofMillis(60), () -> order.add("late"));
        loop.callLater(Duration.ofMillis(20), () -> order.add("early"));
        loop.callLater(Duration.ZERO, () -> order.add("now"));

        await().atMost(TIMEOUT).until(() -> order.size() == 3);
        assertThat(order).containsExactly("now", "early", "late");
    }

    @Test
    void submitCompletesWithTheResultOrTheException() {
        assertThat(loop.submit(() -> 42).join()).isEqualTo(42);

        CompletableFuture<Object> failed = loop.submit(() -> {
            throw new IllegalArgumentException("bad");
        });

        assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runSyncWaitsForTheResultAndTimesOut() throws Exception {
        assertThat(loop.runSync(() -> loop.inLoopThread(), Duration.ofSeconds(10))).isTrue();
        assertThatThrownBy(() -> loop.runSync(() -> {
            throw new IllegalStateException("inner");
        }, Duration.ofSeconds(10))).isInstanceOf(IllegalStateException.class).hasMessage("inner");

        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> awaitQuietly(release));
        assertThatThrownBy(() -> loop.runSync(() -> 1, Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
        release.countDown();
    }

    @Test
    void runSyncOnTheLoopThreadRunsInline() {
        Integer result = loop.submit(() -> loop.runSync(() -> 7, Duration.ofMillis(1))).join();

        assertThat(result).isEqualTo(7);
    }

    @Test
    void periodicCallbackRunsUntilStopped() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicCallback periodic = new PeriodicCallback(loop, runs::incrementAndGet, Duration.ofMillis(10));

        periodic.start();
        periodic.start();
        await().atMost(TIMEOUT).until(() -> runs.get() >= 5);
        periodic.stop();
        int afterStop = loop.submit(runs::get).join();

        assertThat(periodic.isRunning()).isFalse();
        await().during(Duration.ofMillis(100)).atMost(TIMEOUT).until(() -> runs.get() == afterStop);
    }

    @Test
    void aFixedDelayCountsItsPeriodFromTheEndOfEachRunAndTheFirstRunWaitsForTheInitialDelay() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        long busyNanos = Duration.ofMillis(30).toNanos();
        PeriodicCallback periodic = PeriodicCallback.withFixedDelay(loop, () -> {
            long start = System.nanoTime();
            starts.add(start);
            // Work that keeps the loop thread for 30 ms, as a slow heartbeat would (a park may end early).
            for (long left = busyNanos; left > 0; left = start + busyNanos - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }, Duration.ofMillis(20));

        long startedAt = System.nanoTime();
        periodic.start(Duration.ofMillis(100));
        await().atMost(TIMEOUT).until(() -> starts.size() >= 4);
        periodic.stop();

        assertThat(starts.get(0) - startedAt).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
        for (int i = 1; i < 4; i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).as("run %d: 30 ms of work, then 20 ms of delay", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        }
        int afterStop = loop.submit(starts::size).join();
        await().during(Duration.ofMillis(100)).atMost(TIMEOUT).until(() -> starts.size() == afterStop);
        assertThatThrownBy(() -> periodic.start(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodicCallbackThatThrowsKeepsRunning() {
        AtomicInteger runs = new AtomicInteger();
        PeriodicCallback periodic = new PeriodicCallback(loop, () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("periodic failure");
        }, Duration.ofMillis(10));

        periodic.start();

        await().atMost(TIMEOUT).until(() -> runs.get() >= 3);
        periodic.stop();
        assertThatThrownBy(() -> new PeriodicCallback(loop, () -> { }, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopEndsTheThreadAndStartResumesQueuedWork() {
        loop.stop();
        await().atMost(TIMEOUT).until(() -> !loop.isRunning());
        AtomicReference<String> ranOn = new AtomicReference<>();

        loop.execute(() -> ranOn.set(Thread.currentThread().getName()));
        assertThat(ranOn.get()).isNull();
        loop.start();

        await().atMost(TIMEOUT).until(() -> "test-ioloop".equals(ranOn.get()));
    }

    @Test
    void startRightAfterStopRunsTheLoopAgain() {
        for (int i = 0; i < 50; i++) {
            loop.stop();
            loop.start();

            assertThat(loop.submit(() -> "running").orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("running");
        }
    }

    @Test
    void startOnTheLoopThreadCancelsAStop() {
        loop.submit(() -> {
            loop.stop();
            loop.start();
            return null;
        }).join();

        assertThat(loop.submit(() -> "still running").orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("still running");
    }

    @Test
    void socketHandlerIsCalledWhileInputRemainsAndCanBePausedAndRemoved() {
        String endpoint = inproc();
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.bind(endpoint);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        List<String> received = new CopyOnWriteArrayList<>();
        // One message per call, pyzmq's way: the loop must keep calling while input remains.
        loop.addHandler(pull, (socket, events) -> received.add(socket.recvStr(ZMQ.DONTWAIT)), ZMQ.Poller.POLLIN);

        push.send("a");
        push.send("b");
        push.send("c");
        await().atMost(TIMEOUT).until(() -> received.size() == 3);
        assertThat(received).containsExactly("a", "b", "c");

        loop.updateHandler(pull, 0);
        push.send("paused");
        await().during(Duration.ofMillis(100)).atMost(TIMEOUT).until(() -> received.size() == 3);
        loop.updateHandler(pull, ZMQ.Poller.POLLIN);
        await().atMost(TIMEOUT).until(() -> received.size() == 4);

        loop.removeHandler(pull);
        push.send("removed");
        await().during(Duration.ofMillis(100)).atMost(TIMEOUT).until(() -> received.size() == 4);
        loop.submit(() -> {
            pull.close();
            return null;
        }).join();
    }

    @Test
    void channelHandlerIsCalledWhenTheChannelIsReadable() throws Exception {
        Pipe pipe = Pipe.open();
        try {
            CompletableFuture<String> read = new CompletableFuture<>();
            loop.addHandler(pipe.source(), (channel, events) -> {
                ByteBuffer buffer = ByteBuffer.allocate(16);
                pipe.source().read(buffer);
                read.complete(new String(buffer.array(), 0, buffer.position()) + ":" + events);
            }, ZMQ.Poller.POLLIN);

            pipe.sink().write(ByteBuffer.wrap(bytes("ping")));

            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("ping:" + ZMQ.Poller.POLLIN);
            loop.removeHandler(pipe.source());
            loop.updateHandler(pipe.sink(), 0);
        }
        finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void aThrowingHandlerDoesNotStopTheLoop() {
        String endpoint = inproc();
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.bind(endpoint);
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        AtomicInteger calls = new AtomicInteger();
        loop.addHandler(pull, (socket, events) -> {
            socket.recvStr(ZMQ.DONTWAIT);
            calls.incrementAndGet();
            throw new IllegalStateException("handler failure");
        }, ZMQ.Poller.POLLIN);

        push.send("1");
        push.send("2");

        await().atMost(TIMEOUT).until(() -> calls.get() == 2);
        assertThat(loop.submit(() -> "alive").join()).isEqualTo("alive");
        loop.removeHandler(pull);
    }

    @Test
    void closedLoopRejectsWorkAndCannotRestart() {
        loop.close();
        loop.close();

        assertThat(loop.isRunning()).isFalse();
        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(loop::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSpinningLoopStillRunsEveryTaskAndSocketEvent() {
        loop.setSpinTime(Duration.ofMillis(1));
        String endpoint = inproc();
        ZMQStream pull = bound(SocketType.PULL, endpoint);
        AtomicInteger received = new AtomicInteger();
        pull.onRecv(frames -> received.incrementAndGet());
        ZMQ.Socket push = connected(SocketType.PUSH, endpoint);
        AtomicInteger tasks = new AtomicInteger();

        for (int i = 0; i < 1_000; i++) {
            loop.execute(tasks::incrementAndGet);
            push.send("m");
        }

        await().atMost(TIMEOUT).until(() -> tasks.get() == 1_000 && received.get() == 1_000);
        assertThat(loop.getSpinTime()).isEqualTo(Duration.ofMillis(1));
        assertThatThrownBy(() -> loop.setSpinTime(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchBudgetMustBePositive() {
        loop.setBatchBudget(3);

        assertThat(loop.getBatchBudget()).isEqualTo(3);
        assertThatThrownBy(() -> loop.setBatchBudget(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
