package io.zmqstream.sample.echo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends {@code hello N} on the {@code client} DEALER stream every {@code sample.request-period},
 * logs each reply (a {@code @ZmqListener} on the same stream), and closes the application after {@code sample.round-trips} replies when that
 * is above zero.
 */
@Component
public class EchoClient implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EchoClient.class);

    private final ConfigurableApplicationContext application;
    private final int roundTrips;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();
    private final PeriodicCallback requests;

    /**
     * Creates the client.
     *
     * @param client the {@code zmq.streams.client} stream
     * @param application the application, closed after the last round trip
     * @param period how often to send a request
     * @param roundTrips replies after which the application closes; 0 for never
     */
    public EchoClient(@Qualifier("client") ZMQStream client, ConfigurableApplicationContext application,
            @Value("${sample.request-period}") Duration period, @Value("${sample.round-trips}") int roundTrips) {
        this.application = application;
        this.roundTrips = roundTrips;
        this.requests = new PeriodicCallback(client.getIoLoop(),
                () -> client.sendString("hello " + sequence.incrementAndGet()), period);
    }

    /**
     * Logs one reply, and closes the application after the last round trip.
     *
     * @param reply the reply's text
     */
    @ZmqListener("client")
    public void onReply(String reply) {
        log.info("dealer <- {}", reply);
        if (replies.incrementAndGet() == roundTrips) {
            // Not on the loop thread: closing the application closes this loop and waits for it.
            new Thread(() -> SpringApplication.exit(application), "sample-exit").start();
        }
    }

    /**
     * How many requests were sent so far.
     *
     * @return the count
     */
    public int getRequests() {
        return sequence.get();
    }

    /**
     * How many replies came back so far.
     *
     * @return the count
     */
    public int getReplies() {
        return replies.get();
    }

    /** Starts sending requests once the loop runs. */
    @Override
    public void start() {
        requests.start();
    }

    /** Stops sending requests; the streams then close with their linger. */
    @Override
    public void stop() {
        requests.stop();
    }

    /**
     * Whether requests are being sent.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return requests.isRunning();
    }
}
