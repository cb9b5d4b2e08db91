package io.zmqstream.benchmarks;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.proxy.ZmqProxy;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Messages per second through a streamer (PULL frontend, PUSH backend) over tcp loopback: a
 * {@link ZmqProxy} on a loop against JeroMQ's own {@code ZMQ.proxy} on a thread of its own, in the
 * same run; the same raw PUSH sender and raw PULL receiver on both sides of either.
 *
 * <p>Arguments: messages per round (default 2,000,000), measured rounds (default 7).
 */
public final class ProxyThroughput {

    private ProxyThroughput() {
    }

    /**
     * Runs the benchmark and prints each round and the ratio of medians.
     *
     * @param args optionally the messages per round and the number of measured rounds
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (ZContext context = new ZContext()) {
            ComparedRounds.run(String.format(Locale.ROOT, "proxy PULL->PUSH, %,d x %d B", messages,
                    ComparedRounds.MESSAGE_SIZE), "ZmqProxy", rounds, messages, () -> jeromqProxy(context, messages),
                    () -> streamProxy(context, messages));
        }
    }

    /** JeroMQ's {@code ZMQ.proxy} on its own thread. */
    private static double jeromqProxy(ZContext context, int messages) throws Exception {
        ZMQ.Socket frontend = context.createSocket(SocketType.PULL);
        ZMQ.Socket backend = context.createSocket(SocketType.PUSH);
        String front = "tcp://127.0.0.1:" + frontend.bindToRandomPort("tcp://127.0.0.1");
        String back = "tcp://127.0.0.1:" + backend.bindToRandomPort("tcp://127.0.0.1");
        try (JeromqProxy proxy = new JeromqProxy(context, frontend, backend)) {
            return time(context, front, back, messages);
        }
    }

    /** A {@link ZmqProxy} on a loop of its own. */
    private static double streamProxy(ZContext context, int messages) throws Exception {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop")) {
            ZMQStream frontend = new ZMQStream(context.createSocket(SocketType.PULL), loop);
            ZMQStream backend = new ZMQStream(context.createSocket(SocketType.PUSH), loop);
            String front = "tcp://127.0.0.1:" + frontend.bindToRandomPort("tcp://127.0.0.1");
            String back = "tcp://127.0.0.1:" + backend.bindToRandomPort("tcp://127.0.0.1");
            ZmqProxy proxy = new ZmqProxy("bench", frontend, backend, null, ZmqProxy.DEFAULT_QUEUE_LIMIT);
            loop.start();
            proxy.start();
            return time(context, front, back, messages);
        }
    }

    /** A raw receiver on the backend, a raw sender on the frontend, timed until the last message arrives. */
    private static double time(ZContext context, String front, String back, int messages) throws Exception {
        ZMQ.Socket pull = context.createSocket(SocketType.PULL);
        pull.connect(back);
        CountDownLatch received = new CountDownLatch(1);
        Thread receiver = new Thread(() -> {
            for (int i = 0; i < messages; i++) {
                pull.recv(0);
            }
            received.countDown();
        }, "raw-receiver");
        receiver.start();
        try {
            return PushSender.time(context, front, messages, received);
        }
        finally {
            receiver.join();
            context.destroySocket(pull);
        }
    }
}
