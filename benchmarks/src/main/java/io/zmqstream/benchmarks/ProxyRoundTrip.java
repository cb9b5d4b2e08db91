package io.zmqstream.benchmarks;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.proxy.ZmqProxy;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static io.zmqstream.benchmarks.RoundTrip.micros;

/**
 * The round trip a queue adds: a raw DEALER client and a raw ROUTER echo worker over tcp loopback,
 * directly, then through a ROUTER/DEALER {@link ZmqProxy} on a loop, then through JeroMQ's own
 * {@code ZMQ.proxy} on a thread of its own; p50 and p99 of each and what each proxy adds to the
 * direct p50, over three rounds in the same run.
 *
 * <p>Arguments: round trips per round (default 20,000).
 */
public final class ProxyRoundTrip {

    private ProxyRoundTrip() {
    }

    /**
     * Runs the rounds and prints them.
     *
     * @param args optionally the round trips per round
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int trips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (ZContext context = new ZContext()) {
            for (int round = 0; round < 4; round++) {
                long[] direct = direct(context, trips);
                long[] stream = throughStreamProxy(context, trips);
                long[] jeromq = throughJeromqProxy(context, trips);
                System.out.printf(Locale.ROOT, "%s round %d: direct p50 %.1f us p99 %.1f us; ZmqProxy p50 %.1f us "
                        + "(+%.1f) p99 %.1f us; ZMQ.proxy p50 %.1f us (+%.1f) p99 %.1f us%n", round == 0 ? "warm-up" : "measured",
                        round, micros(direct, 0.5), micros(direct, 0.99), micros(stream, 0.5),
                        micros(stream, 0.5) - micros(direct, 0.5), micros(stream, 0.99), micros(jeromq, 0.5),
                        micros(jeromq, 0.5) - micros(direct, 0.5), micros(jeromq, 0.99));
            }
        }
    }

    private static long[] direct(ZContext context, int trips) throws Exception {
        try (Worker worker = new Worker(context)) {
            return RoundTrip.time(context, worker.endpoint, trips);
        }
    }

    private static long[] throughStreamProxy(ZContext context, int trips) throws Exception {
        try (Worker worker = new Worker(context); ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop")) {
            ZMQStream frontend = new ZMQStream(context.createSocket(SocketType.ROUTER), loop);
            ZMQStream backend = new ZMQStream(context.createSocket(SocketType.DEALER), loop);
            String front = "tcp://127.0.0.1:" + frontend.bindToRandomPort("tcp://127.0.0.1");
            backend.connect(worker.endpoint);
            ZmqProxy proxy = new ZmqProxy("bench", frontend, backend, null, ZmqProxy.DEFAULT_QUEUE_LIMIT);
            loop.start();
            proxy.start();
            return RoundTrip.time(context, front, trips);
        }
    }

    private static long[] throughJeromqProxy(ZContext context, int trips) throws Exception {
        try (Worker worker = new Worker(context)) {
            ZMQ.Socket frontend = context.createSocket(SocketType.ROUTER);
            ZMQ.Socket backend = context.createSocket(SocketType.DEALER);
            String front = "tcp://127.0.0.1:" + frontend.bindToRandomPort("tcp://127.0.0.1");
            backend.connect(worker.endpoint);
            try (JeromqProxy proxy = new JeromqProxy(context, frontend, backend)) {
                return RoundTrip.time(context, front, trips);
            }
        }
    }

    /** A raw ROUTER on a thread of its own that sends every message back to where it came from. */
    private static final class Worker implements AutoCloseable {

        private final ZContext context;
        private final ZMQ.Socket router;
        private final String endpoint;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Worker(ZContext context) {
            this.context = context;
            this.router = context.createSocket(SocketType.ROUTER);
            router.setReceiveTimeOut(100);
            this.endpoint = "tcp://127.0.0.1:" + router.bindToRandomPort("tcp://127.0.0.1");
            this.thread = new Thread(this::echo, "raw-echo");
            thread.start();
        }

        private void echo() {
            while (!stop.get()) {
                byte[] first = router.recv(0);
                if (first == null) {
                    continue;
                }
                while (router.hasReceiveMore()) {
                    router.sendMore(first);
                    first = router.recv(0);
                }
                router.send(first, 0);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
            context.destroySocket(router);
        }
    }
}
