package io.zmqstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The core's promise that every public method may be called from any thread holds in every state
 * of the loop: not started, running, stopping, stopped and closing.
 */
class ZmqIoLoopStateTest {

    private static final Duration TIMEOUT = LoopTestSupport.TIMEOUT;

    @Test
    void closeRightAfterStopNeverHangsAndClosesEveryStream() {
        for (int round = 0; round < 100; round++) {
            try (ZContext context = new ZContext()) {
                ZmqIoLoop loop = new ZmqIoLoop(context, "stop-close-" + round);
                loop.start();
                List<ZMQStream> streams = new ArrayList<>();
                AtomicInteger closeCallbacks = new AtomicInteger();
                for (int i = 0; i < 5; i++) {
                    ZMQStream push = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
                    push.setCloseCallback(closeCallbacks::incrementAndGet);
                    push.sendString("queued with no peer");
                    streams.add(push);
                }

                assertTimeoutPreemptively(TIMEOUT, () -> {
                    loop.stop();
                    loop.close();
                }, "round " + round);

                assertThat(streams).allMatch(ZMQStream::isClosed);
                assertThat(closeCallbacks.get()).as("round %d", round).isEqualTo(5);
                assertThat(streams).allMatch(stream -> stream.getStatistics().getSendFailures() == 1);
            }
        }
    }

    @Test
    void streamsCreatedFromEightThreadsBeforeStartAreAllRegistered() throws Exception {
        for (int round = 0; round < 10; round++) {
            createFromEightThreadsThenStart(round);
        }
    }

    private static void createFromEightThreadsThenStart(int round) throws Exception {
        int threads = 8;
        int perThread = 40;
        try (ZContext context = new ZContext()) {
            ZmqIoLoop loop = new ZmqIoLoop(context, "concurrent-creation");
            String endpoint = "inproc://concurrent-creation-" + round;
            ZMQ.Socket pull = context.createSocket(SocketType.PULL);
            pull.setReceiveTimeOut((int) TIMEOUT.toMillis());
            pull.bind(endpoint);
            List<List<ZMQ.Socket>> sockets = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<ZMQ.Socket> own = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    own.add(context.createSocket(SocketType.PUSH));
                }
                sockets.add(own);
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService creators = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> created = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    created.add(creators.submit(() -> {
                        go.await();
                        List<ZMQStream> streams = new ArrayList<>();
                        for (ZMQ.Socket socket : sockets.get(thread)) {
                            streams.add(new ZMQStream(socket, loop));
                        }
                        for (int i = 0; i < streams.size(); i++) {
                            streams.get(i).connect(endpoint);
                            streams.get(i).sendString(thread + "-" + i);
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> future : created) {
                    future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            finally {
                creators.shutdownNow();
            }
            loop.start();

            Set<String> received = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < threads * perThread; i++) {
                String message = pull.recvStr();
                assertThat(message).as("round %d: message %d of %d", round, i + 1, threads * perThread).isNotNull();
                received.add(message);
            }
            assertThat(received).hasSize(threads * perThread);
            assertThat(loop.getStreams()).hasSize(threads * perThread);
            loop.close();
        }
    }

    @Test
    void socketOperationsFinishWhileTheLoopStopsAndStartsUnderThem() {
        try (ZContext context = new ZContext()) {
            ZmqIoLoop loop = new ZmqIoLoop(context, "stop-start");
            loop.start();
            ZMQStream stream = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            AtomicInteger operations = new AtomicInteger();
            Thread toggler = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    loop.stop();
                    loop.start();
                }
            });

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                toggler.start();
                for (int i = 0; i < 500; i++) {
                    stream.withSocket(socket -> operations.incrementAndGet());
                }
                toggler.join();
            });

            assertThat(operations.get()).isEqualTo(500);
            loop.close();
            assertThat(stream.isClosed()).isTrue();
        }
    }

    @Test
    void applicationTasksQueuedWhileStoppedWaitForTheNextStart() {
        try (ZContext context = new ZContext()) {
            ZmqIoLoop loop = new ZmqIoLoop(context, "stopped-tasks");
            AtomicInteger ran = new AtomicInteger();
            loop.execute(ran::incrementAndGet);
            ZMQStream stream = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            stream.bind("inproc://stopped-tasks");

            assertThat(ran.get()).as("a socket operation on a stopped loop does not run application tasks").isZero();

            loop.start();
            assertThat(loop.submit(ran::get).join()).isEqualTo(1);
            loop.close();
        }
    }
}
