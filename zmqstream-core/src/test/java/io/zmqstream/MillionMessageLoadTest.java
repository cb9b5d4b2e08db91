package io.zmqstream;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A million messages PUSH→PULL over tcp from four sending threads, to a receiver on a loop of its
 * own that pauses now and then: each message arrives exactly once, in its sender's order, and
 * the send queue never holds more than its capacity while the senders wait for room.
 */
@Timeout(120)
class MillionMessageLoadTest extends LoopTestSupport {

    private static final int SENDERS = 4;
    private static final int PER_SENDER = 250_000;
    private static final int CAPACITY = 10_000;
    /** Every this many messages the receiver pauses, so that ZeroMQ's queues fill up behind it. */
    private static final int PAUSE_EVERY = 50_000;
    private static final Duration PAUSE = Duration.ofMillis(50);

    @Test
    void aMillionMessagesFromFourThreadsArriveOnceInEachSendersOrderWithTheSendQueueBounded() throws Exception {
        ZmqIoLoop receivingLoop = new ZmqIoLoop(context, "receiving-loop");
        receivingLoop.start();
        try {
            Receiver receiver = new Receiver();
            ZMQStream pull = new ZMQStream(smallBuffers(context.createSocket(SocketType.PULL)), receivingLoop);
            int port = pull.bindToRandomPort("tcp://127.0.0.1");
            pull.onRecv(receiver::take);
            ZMQStream push = new ZMQStream(smallBuffers(context.createSocket(SocketType.PUSH)), loop,
                    new SendQueueOptions(CAPACITY, OverflowPolicy.BLOCK, Duration.ofSeconds(30)));
            push.connect("tcp://127.0.0.1:" + port);
            QueueWatch watch = new QueueWatch(push);
            watch.start();

            sendFromFourThreads(push);

            assertThat(receiver.all.await(60, TimeUnit.SECONDS)).as("all %d arrived", SENDERS * PER_SENDER).isTrue();
            watch.interrupt();
            watch.join();
            assertThat(receiver.outOfOrder.get()).isZero();
            assertThat(receiver.next).containsOnly(PER_SENDER);
            assertThat(watch.deepest.get()).as("deepest send queue").isLessThanOrEqualTo(CAPACITY).isGreaterThan(CAPACITY / 2);
            // The sending loop counts a message just after its socket took it, so the count can trail the receiver.
            await().atMost(TIMEOUT).until(() -> push.getStatistics().getMessagesSent() == SENDERS * PER_SENDER);
            assertThat(push.getStatistics().getSendFailures()).isZero();
            System.out.printf("MillionMessageLoadTest: %,d messages, deepest send queue %,d of %,d, peak heap %,d MiB%n",
                    SENDERS * PER_SENDER, watch.deepest.get(), CAPACITY, watch.peakHeap.get() >> 20);
        }
        finally {
            receivingLoop.close();
        }
    }

    private static void sendFromFourThreads(ZMQStream push) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                byte sender = (byte) s;
                done.add(senders.submit(() -> {
                    for (int seq = 0; seq < PER_SENDER; seq++) {
                        push.send(ByteBuffer.allocate(5).put(sender).putInt(seq).array());
                    }
                }));
            }
            for (Future<?> sender : done) {
                sender.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            senders.shutdownNow();
        }
    }

    /**
     * Small high-water marks and kernel receive buffers, so that a pause of the receiver reaches the
     * senders quickly (JeroMQ 0.6.0 cannot bind tcp with a send buffer size set).
     */
    private static ZMQ.Socket smallBuffers(ZMQ.Socket socket) {
        socket.setSndHWM(100);
        socket.setRcvHWM(100);
        socket.setReceiveBufferSize(64 * 1024);
        return socket;
    }

    /** Checks each sender's order on the receiving loop thread, pausing every {@link #PAUSE_EVERY} messages. */
    private static final class Receiver {

        final int[] next = new int[SENDERS];
        final AtomicInteger outOfOrder = new AtomicInteger();
        final CountDownLatch all = new CountDownLatch(SENDERS * PER_SENDER);
        private long received;

        void take(List<byte[]> frames) {
            ByteBuffer message = ByteBuffer.wrap(frames.get(0));
            int sender = message.get();
            if (message.getInt() != next[sender]++) {
                outOfOrder.incrementAndGet();
            }
            if (++received % PAUSE_EVERY == 0) {
                LockSupport.parkNanos(PAUSE.toNanos());
            }
            all.countDown();
        }
    }

    /** Samples the send queue's depth and the heap while the test runs. */
    private static final class QueueWatch extends Thread {

        final AtomicInteger deepest = new AtomicInteger();
        final AtomicLong peakHeap = new AtomicLong();
        private final ZMQStream stream;

        QueueWatch(ZMQStream stream) {
            super("queue-watch");
            this.stream = stream;
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (!isInterrupted()) {
                deepest.accumulateAndGet(stream.getStatistics().getQueueDepth(), Math::max);
                peakHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                LockSupport.parkNanos(200_000);
            }
        }
    }
}
