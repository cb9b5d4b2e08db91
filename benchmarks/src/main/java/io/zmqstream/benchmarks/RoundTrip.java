package io.zmqstream.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Round-trip latency, DEALER to ROUTER and back over tcp loopback: a raw JeroMQ DEALER client on
 * this thread against a ROUTER that echoes, either raw JeroMQ on a thread of its own or a
 * {@link ZMQStream} whose {@code onRecv} sends the message back, in alternating rounds of the same run.
 *
 * <p>Arguments: round trips per round (default 20,000), measured rounds (default 3).
 */
public final class RoundTrip {

    private static final int WARMUP_ROUNDS = 1;

    private RoundTrip() {
    }

    /**
     * The medians over the measured rounds of each side's 50th and 99th percentile, in microseconds.
     *
     * @param rawP50 raw JeroMQ's median
     * @param rawP99 raw JeroMQ's 99th percentile
     * @param streamP50 the stream's median
     * @param streamP99 the stream's 99th percentile
     */
    record Latencies(double rawP50, double rawP99, double streamP50, double streamP99) {
    }

    /**
     * Runs the rounds and prints them and the medians.
     *
     * @param args optionally the round trips per round and the number of measured rounds
     * @throws Exception when a round fails
     */
    public static void main(String[] args) throws Exception {
        int trips = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (ZContext context = new ZContext()) {
            compare(context, trips, rounds);
        }
    }

    /** Measures both echo servers in alternating rounds. */
    static Latencies compare(ZContext context, int trips, int rounds) throws Exception {
        List<Double> rawP50 = new ArrayList<>();
        List<Double> rawP99 = new ArrayList<>();
        List<Double> streamP50 = new ArrayList<>();
        List<Double> streamP99 = new ArrayList<>();
        for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
            long[] raw = rawEcho(context, trips);
            long[] stream = streamEcho(context, trips);
            boolean measured = round >= WARMUP_ROUNDS;
            System.out.printf(Locale.ROOT, "%s round %d: raw p50 %.1f us p99 %.1f us, ZMQStream p50 %.1f us p99 %.1f us%n",
                    measured ? "measured" : "warm-up", round, micros(raw, 0.50), micros(raw, 0.99),
                    micros(stream, 0.50), micros(stream, 0.99));
            if (measured) {
                rawP50.add(micros(raw, 0.50));
                rawP99.add(micros(raw, 0.99));
                streamP50.add(micros(stream, 0.50));
                streamP99.add(micros(stream, 0.99));
            }
        }
        Latencies latencies = new Latencies(ComparedRounds.median(rawP50), ComparedRounds.median(rawP99),
                ComparedRounds.median(streamP50), ComparedRounds.median(streamP99));
        System.out.printf(Locale.ROOT, "round trip, median over %d rounds of %,d: raw p50 %.1f us p99 %.1f us, "
                + "ZMQStream p50 %.1f us (%.2f) p99 %.1f us (%.2f)%n", rounds, trips, latencies.rawP50(),
                latencies.rawP99(), latencies.streamP50(), latencies.streamP50() / latencies.rawP50(),
                latencies.streamP99(), latencies.streamP99() / latencies.rawP99());
        return latencies;
    }

    private static long[] rawEcho(ZContext context, int trips) throws InterruptedException {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        router.setReceiveTimeOut(100);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        AtomicBoolean stop = new AtomicBoolean();
        Thread echo = new Thread(() -> {
            while (!stop.get()) {
                byte[] identity = router.recv(0);
                if (identity != null) {
                    byte[] body = router.recv(0);
                    router.sendMore(identity);
                    router.send(body, 0);
                }
            }
        }, "raw-echo");
        echo.start();
        try {
            return time(context, "tcp://127.0.0.1:" + port, trips);
        }
        finally {
            stop.set(true);
            echo.join();
            context.destroySocket(router);
        }
    }

    private static long[] streamEcho(ZContext context, int trips) {
        try (ZmqIoLoop loop = new ZmqIoLoop(context, "bench-ioloop")) {
            ZMQStream router = new ZMQStream(context.createSocket(SocketType.ROUTER), loop);
            int port = router.bindToRandomPort("tcp://127.0.0.1");
            router.onRecv(frames -> router.sendMultipart(frames, 0, false, false, null));
            loop.start();
            return time(context, "tcp://127.0.0.1:" + port, trips);
        }
    }

    /** Sends one message at a time from a raw DEALER and waits for it to come back: each trip's nanoseconds, sorted. */
    static long[] time(ZContext context, String endpoint, int trips) {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        try {
            dealer.connect(endpoint);
            byte[] payload = new byte[ComparedRounds.MESSAGE_SIZE];
            long[] nanos = new long[trips];
            for (int i = 0; i < trips; i++) {
                long start = System.nanoTime();
                dealer.send(payload, 0);
                dealer.recv(0);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return nanos;
        }
        finally {
            context.destroySocket(dealer);
        }
    }

    static double micros(long[] sorted, double percentile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(percentile * sorted.length))] / 1e3;
    }
}
