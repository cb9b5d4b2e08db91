package io.zmqstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntFunction;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Messages per second sent through {@link ZMQStream#send(byte[])} from application threads (the
 * loop sends them) against raw JeroMQ PUSH sockets, one per thread as JeroMQ requires, sending on
 * those threads themselves, in the same run: PUSH to PULL over tcp loopback, 16-byte messages, a
 * raw PULL receiver thread counting them in both cases.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds per sender (default 5), the
 * loop's spin time in microseconds (default {@link ZmqIoLoop#DEFAULT_SPIN_TIME}), sending threads
 * (default 1). The system property {@code bench.sndhwm} sets the send high-water mark of both sides'
 * sockets (ZeroMQ's default, 1,000, unless set): JeroMQ wakes a sender that filled its pipe once
 * the I/O thread has read half of it, so this sets how often both sides wait for room.
 */
public final class SendThroughput {

    private static final byte[] PAYLOAD = new byte[ComparedRounds.MESSAGE_SIZE];
    private static final int SEND_HWM = Integer.getInteger("bench.sndhwm", 1000);

    private SendThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round, the number of measured rounds, the spin time and the threads
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Duration spin = args.length > 2 ? Duration.ofNanos(Long.parseLong(args[2]) * 1_000) : ZmqIoLoop.DEFAULT_SPIN_TIME;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        try (ZContext context = new ZContext()) {
            compare(context, messages, rounds, threads, spin);
        }
    }

    /** Compares raw sockets and one stream, both sending from {@code threads} threads. */
    static ComparedRounds.Comparison compare(ZContext context, int messages, int rounds, int threads, Duration spin)
            throws Exception {
        return ComparedRounds.run(String.format(Locale.ROOT, "send from %d thread(s), %,d x %d B, spin %d us", threads,
                messages, ComparedRounds.MESSAGE_SIZE, spin.toNanos() / 1_000), "ZMQStream", rounds, messages,
                () -> rawSenders(context, messages, threads), () -> streamSender(context, messages, threads, spin));
    }

    /** One round of a raw PUSH socket sending from one thread, for {@link SendProfile}. */
    static double rawRound(ZContext context, int messages) throws Exception {
        return rawSenders(context, messages, 1);
    }

    /** One round of {@code ZMQStream.send} from one thread, for {@link SendProfile}. */
    static double streamRound(ZContext context, int messages, Duration spin) throws Exception {
        return streamSender(context, messages, 1, spin);
    }

    private static double rawSenders(ZContext context, int messages, int threads) throws Exception {
        List<ZMQ.Socket> sockets = new ArrayList<>();
        try (RawReceiver receiver = new RawReceiver(context, messages)) {
            return timeSending(receiver, messages, threads, thread -> {
                ZMQ.Socket push = pushSocket(context);
                push.connect(receiver.endpoint());
                sockets.add(push);
                return count -> {
                    for (int i = 0; i < count; i++) {
                        push.send(PAYLOAD, 0);
                    }
                };
            });
        }
        finally {
            // Closed once every message arrived: closing drops what a socket still holds.
            sockets.forEach(context::destroySocket);
        }
    }

    private static double streamSender(ZContext context, int messages, int threads, Duration spin) throws Exception {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop"); RawReceiver receiver = new RawReceiver(context, messages)) {
            loop.setSpinTime(spin);
            ZMQStream push = new ZMQStream(pushSocket(context), loop);
            loop.start();
            push.connect(receiver.endpoint());
            return timeSending(receiver, messages, threads, thread -> count -> {
                for (int i = 0; i < count; i++) {
                    push.send(PAYLOAD, 0, false, false, null);
                }
            });
        }
    }

    private static ZMQ.Socket pushSocket(ZContext context) {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        push.setSndHWM(SEND_HWM);
        return push;
    }

    /** What one sending thread does: sends its share of the messages. */
    @FunctionalInterface
    private interface Sender {
        void send(int count);
    }

    /**
     * Starts the senders together and times them until the receiver has every message.
     *
     * @param senders makes each thread's sender, on the caller's thread
     */
    private static double timeSending(RawReceiver receiver, int messages, int threads, IntFunction<Sender> senders)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Sender sender = senders.apply(t);
            int share = messages / threads + (t < messages % threads ? 1 : 0);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                sender.send(share);
            }, "bench-sender-" + t);
            thread.start();
            running.add(thread);
        }
        start.await();
        long begin = System.nanoTime();
        RawReceiver.await(receiver.received());
        double rate = messages / ((System.nanoTime() - begin) / 1e9);
        for (Thread thread : running) {
            thread.join();
        }
        return rate;
    }
}
