package io.zmqstream.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

/**
 * The first thing to run: one {@link ZmqIoLoop} drives a ROUTER that echoes every request and a
 * DEALER that sends a request every half second, both on loopback, and prints what goes back and
 * forth.
 *
 * <p>Run with {@code ./mvnw -pl sample-app -am spring-boot:run}; stop with Ctrl-C. Pass a number
 * ({@code -Dspring-boot.run.arguments=5}) to stop after that many round trips.
 */
public final class EchoSample {

    private static final Duration REQUEST_PERIOD = Duration.ofMillis(500);

    private EchoSample() {
    }

    /**
     * Starts the sample.
     *
     * @param args optionally, the number of round trips after which to stop
     * @throws InterruptedException when interrupted while waiting for the round trips
     */
    public static void main(String[] args) throws InterruptedException {
        int roundTrips = args.length > 0 ? Integer.parseInt(args[0]) : Integer.MAX_VALUE;
        run(roundTrips, System.out::println);
    }

    /**
     * Runs the echo until the given number of replies came back, printing each exchange.
     *
     * @param roundTrips how many replies to wait for
     * @param out where each line goes
     * @return the number of replies received
     * @throws InterruptedException when interrupted while waiting
     */
    static int run(int roundTrips, Consumer<String> out) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(roundTrips == Integer.MAX_VALUE ? 1 : roundTrips);
        AtomicInteger replies = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        try (ZContext context = new ZContext(); ZmqIoLoop loop = new ZmqIoLoop(context, "echo-ioloop")) {
            ZMQStream echo = new ZMQStream(context.createSocket(SocketType.ROUTER), loop);
            int port = echo.bindToRandomPort("tcp://127.0.0.1");
            echo.onRecv(frames -> {
                out.accept("router <- " + text(frames.get(frames.size() - 1)));
                echo.sendMultipart(frames);
            });

            ZMQStream client = new ZMQStream(context.createSocket(SocketType.DEALER), loop);
            client.connect("tcp://127.0.0.1:" + port);
            client.onRecv(frames -> {
                out.accept("dealer <- " + text(frames.get(0)));
                replies.incrementAndGet();
                done.countDown();
            });

            AtomicInteger sequence = new AtomicInteger();
            PeriodicCallback requests = new PeriodicCallback(loop,
                    () -> client.sendString("hello " + sequence.incrementAndGet()), REQUEST_PERIOD);
            out.accept("echo on tcp://127.0.0.1:" + port + "; a request every " + REQUEST_PERIOD.toMillis() + " ms");
            loop.start();
            requests.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeOnShutdown(done, closed)));
            done.await(Long.MAX_VALUE, TimeUnit.DAYS);
            requests.stop();
        }
        finally {
            closed.countDown();
        }
        return replies.get();
    }

    /** Ctrl-C: let the main thread close the streams and the loop before the JVM goes. */
    private static void closeOnShutdown(CountDownLatch done, CountDownLatch closed) {
        while (done.getCount() > 0) {
            done.countDown();
        }
        try {
            closed.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }
}
