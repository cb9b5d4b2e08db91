package io.zmqstream.benchmarks;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Messages per second through {@link ZMQStream#onRecv} against a raw JeroMQ blocking
 * {@code recv()} loop, in the same JVM and run: PUSH to PULL over tcp loopback, 16-byte messages,
 * sent by the same raw PUSH sender in both cases.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds per receiver (default 5).
 */
public final class PushPullThroughput {

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
        try (ZContext context = new ZContext()) {
            ComparedRounds.run(String.format(Locale.ROOT, "receive, %,d x %d B", messages, ComparedRounds.MESSAGE_SIZE),
                    "ZMQStream", rounds, messages, () -> RawReceiver.round(context, messages), () -> streamReceiver(context, messages));
        }
    }

    /** One round: a raw PUSH sender sends {@code messages} to a new stream's {@code onRecv}, timed until it has them all. */
    static double streamReceiver(ZContext context, int messages) throws Exception {
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
            return PushSender.time(context, "tcp://127.0.0.1:" + port, messages, received);
        }
    }
}
