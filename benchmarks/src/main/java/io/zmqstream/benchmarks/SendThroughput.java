package io.zmqstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Messages per second sent through {@link ZMQStream#send(byte[])} from an application thread (the
 * loop sends them) against a raw JeroMQ PUSH socket sending on that thread itself, in the same run:
 * PUSH to PULL over tcp loopback, 16-byte messages, a raw PULL receiver thread in both cases.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds per sender (default 5), the
 * loop's spin time in microseconds (default {@link ZmqIoLoop#DEFAULT_SPIN_TIME}).
 */
public final class SendThroughput {

    private static final int WARMUP_ROUNDS = 2;

    private SendThroughput() {
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
        Duration spin = args.length > 2 ? Duration.ofNanos(Long.parseLong(args[2]) * 1_000) : ZmqIoLoop.DEFAULT_SPIN_TIME;
        List<Double> raw = new ArrayList<>();
        List<Double> stream = new ArrayList<>();
        try (ZContext context = new ZContext()) {
            for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
                double rawRate = rawSender(context, messages);
                double streamRate = streamSender(context, messages, spin);
                boolean measured = round >= WARMUP_ROUNDS;
                System.out.printf(Locale.ROOT, "%s round %d: raw send %,.0f msg/s, ZMQStream.send %,.0f msg/s (%.2f)%n",
                        measured ? "measured" : "warm-up", round, rawRate, streamRate, streamRate / rawRate);
                if (measured) {
                    raw.add(rawRate);
                    stream.add(streamRate);
                }
            }
        }
        double rawMedian = Medians.of(raw);
        double streamMedian = Medians.of(stream);
        System.out.printf(Locale.ROOT, "median over %d rounds of %,d x %d B, spin %d us: raw %,.0f msg/s, "
                + "ZMQStream %,.0f msg/s, ratio ZMQStream/raw = %.2f%n", rounds, messages, PushPullThroughput.MESSAGE_SIZE,
                spin.toNanos() / 1_000, rawMedian, streamMedian, streamMedian / rawMedian);
    }

    private static double rawSender(ZContext context, int messages) throws Exception {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        try {
            return timeSending(context, messages, push::connect, i -> push.send(PAYLOAD, 0));
        }
        finally {
            context.destroySocket(push);
        }
    }

    private static double streamSender(ZContext context, int messages, Duration spin) throws Exception {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop")) {
            loop.setSpinTime(spin);
            ZMQStream push = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
            loop.start();
            return timeSending(context, messages, push::connect, i -> push.send(PAYLOAD, 0, false, false, null));
        }
    }

    private static final byte[] PAYLOAD = new byte[PushPullThroughput.MESSAGE_SIZE];

    /** Times {@code send} called {@code messages} times on this thread until a raw receiver has them all. */
    private static double timeSending(ZContext context, int messages, java.util.function.Consumer<String> connect,
            IntConsumer send) throws Exception {
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
        connect.accept("tcp://127.0.0.1:" + port);
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            send.accept(i);
        }
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The receiver did not get " + messages + " messages in time");
        }
        long elapsed = System.nanoTime() - start;
        receiver.join();
        context.destroySocket(pull);
        return messages / (elapsed / 1e9);
    }
}
