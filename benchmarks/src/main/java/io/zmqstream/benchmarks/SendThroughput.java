package io.zmqstream.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

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

    private static final byte[] PAYLOAD = new byte[ComparedRounds.MESSAGE_SIZE];

    private SendThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round, the number of measured rounds and the spin time
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Duration spin = args.length > 2 ? Duration.ofNanos(Long.parseLong(args[2]) * 1_000) : ZmqIoLoop.DEFAULT_SPIN_TIME;
        try (ZContext context = new ZContext()) {
            ComparedRounds.run(String.format(Locale.ROOT, "send, %,d x %d B, spin %d us", messages,
                    ComparedRounds.MESSAGE_SIZE, spin.toNanos() / 1_000), "ZMQStream", rounds,
                    () -> rawSender(context, messages), () -> streamSender(context, messages, spin));
        }
    }

    private static double rawSender(ZContext context, int messages) throws Exception {
        ZMQ.Socket push = context.createSocket(SocketType.PUSH);
        try {
            return timeSending(context, messages, push::connect, () -> push.send(PAYLOAD, 0));
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
            return timeSending(context, messages, push::connect, () -> push.send(PAYLOAD, 0, false, false, null));
        }
    }

    /** Times {@code send} called {@code messages} times on this thread until a raw receiver has them all. */
    private static double timeSending(ZContext context, int messages, Consumer<String> connect, Runnable send)
            throws Exception {
        try (RawReceiver receiver = new RawReceiver(context, messages)) {
            connect.accept(receiver.endpoint());
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                send.run();
            }
            RawReceiver.await(receiver.received());
            return messages / ((System.nanoTime() - start) / 1e9);
        }
    }
}
