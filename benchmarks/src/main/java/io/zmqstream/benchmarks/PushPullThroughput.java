package io.zmqstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Messages per second through {@link ZMQStream#onRecv} against a raw JeroMQ blocking
 * {@code recv()} loop, in the same JVM and run: PUSH to PULL over tcp loopback, 16-byte messages.
 * Rounds alternate between the two receivers so that both see the same machine state; the ratio
 * of the medians is the figure that matters.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds per receiver (default 5).
 */
public final class PushPullThroughput {

    static final int MESSAGE_SIZE = 16;
    private static final int WARMUP_ROUNDS = 2;

    private PushPullThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round and the number of measured rounds
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Double> raw = new ArrayList<>();
        List<Double> stream = new ArrayList<>();
        try (ZContext context = new ZContext()) {
            for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
                double rawRate = rawReceiver(context, messages);
                double streamRate = streamReceiver(context, messages);
                boolean measured = round >= WARMUP_ROUNDS;
                System.out.printf(Locale.ROOT, "%s round %d: raw recv %,.0f msg/s, ZMQStream.onRecv %,.0f msg/s (%.2f)%n",
                        measured ? "measured" : "warm-up", round, rawRate, streamRate, streamRate / rawRate);
                if (measured) {
                    raw.add(rawRate);
                    stream.add(streamRate);
                }
            }
        }
        double rawMedian = Medians.of(raw);
        double streamMedian = Medians.of(stream);
        System.out.printf(Locale.ROOT, "median over %d rounds of %,d x %d B: raw %,.0f msg/s, ZMQStream %,.0f msg/s, "
                + "ratio ZMQStream/raw = %.2f%n", rounds, messages, MESSAGE_SIZE, rawMedian, streamMedian,
                streamMedian / rawMedian);
    }

    private static double rawReceiver(ZContext context, int messages) throws Exception {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        int port = pull.bindToRandomPort("tcp://127.0.0.1");
        CountDownLatch received = new CountDownLatch(1);
        Thread receiver = new Thread(() -> {
            for (int i = 0; i < messages; i++) {
                pull.recv(0);
            }
            received.countDown();
        }, "raw-receiver");
        receiver.start();
        double rate = timeSender(context, port, messages, received);
        receiver.join();
        context.destroySocket(pull);
        return rate;
    }

    private static double streamReceiver(ZContext context, int messages) throws Exception {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop")) {
            ZMQStream pull = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            int port = pull.bindToRandomPort("tcp://127.0.0.1");
            CountDownLatch received = new CountDownLatch(1);
            int[] count = new int[1];
            pull.onRecv(frames -> {
                if (++count[0] == messages) {
                    received.countDown();
                }
            });
            loop.start();
            return timeSender(context, port, messages, received);
        }
    }

    /** Sends from a raw PUSH socket on this thread; the clock runs until the receiver has everything. */
    private static double timeSender(ZContext context, int port, int messages, CountDownLatch received)
            throws InterruptedException {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:" + port);
        byte[] payload = new byte[MESSAGE_SIZE];
        // One message to be sure the connection is up before the clock starts.
        push.send(payload, 0);
        long start = System.nanoTime();
        for (int i = 1; i < messages; i++) {
            push.send(payload, 0);
        }
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The receiver did not get " + messages + " messages in time");
        }
        long elapsed = System.nanoTime() - start;
        context.destroySocket(push);
        return (messages - 1) / (elapsed / 1e9);
    }
}
