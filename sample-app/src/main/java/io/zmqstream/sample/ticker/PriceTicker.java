package io.zmqstream.sample.ticker;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes on the {@code ticker} PUB stream every {@code sample.tick-period}, from a
 * {@link PeriodicCallback} on the shared loop: each tick sends one message on topic {@code price.}
 * and one on topic {@code news.}, the topic being the start of the frame as ZeroMQ filters it.
 */
@Component
public class PriceTicker implements SmartLifecycle {

    private final ZMQStream ticker;
    private final PeriodicCallback ticks;
    private final AtomicLong published = new AtomicLong();

    /**
     * Creates the ticker.
     *
     * @param ticker the {@code zmq.streams.ticker} stream
     * @param loop the shared loop, which runs the ticks
     * @param period how often to publish
     */
    public PriceTicker(@Qualifier("ticker") ZMQStream ticker, ZmqIoLoop loop,
            @Value("${sample.tick-period}") Duration period) {
        this.ticker = ticker;
        this.ticks = new PeriodicCallback(loop, this::tick, period);
    }

    /** One tick, on the loop thread: a price and a headline. */
    private void tick() {
        long tick = published.incrementAndGet();
        double price = 1.08 + (tick % 100) / 10_000.0;
        ticker.sendString(String.format(Locale.ROOT, "price.EURUSD %.4f", price));
        ticker.sendString("news.EURUSD tick " + tick + " had no news");
    }

    /**
     * How many ticks were published so far; each is two messages.
     *
     * @return the count
     */
    public long getTicks() {
        return published.get();
    }

    /** Starts ticking once the loop runs. */
    @Override
    public void start() {
        ticks.start();
    }

    /** Stops ticking. */
    @Override
    public void stop() {
        ticks.stop();
    }

    /**
     * Whether ticks are published.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return ticks.isRunning();
    }
}
