package io.zmqstream.sample.ticker;

import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.listener.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Listens on the {@code prices} SUB stream, which {@code application.yml} subscribes to the
 * {@code price.} topic only: the ticker's {@code news.} messages are filtered out by ZeroMQ and never
 * reach this method.
 */
@Component
public class PriceWatcher {

    private static final Logger log = LoggerFactory.getLogger(PriceWatcher.class);

    private final AtomicLong prices = new AtomicLong();
    private volatile String last;

    /** Creates the watcher; its listener starts with the application. */
    public PriceWatcher() {
    }

    /**
     * Takes one price; logs every tenth, so that the log stays readable.
     *
     * @param price the message, such as {@code price.EURUSD 1.0842}
     */
    @ZmqListener("prices")
    public void onPrice(String price) {
        last = price;
        if (prices.incrementAndGet() % 10 == 1) {
            log.info("sub    <- {} ({} prices so far)", price, prices.get());
        }
    }

    /**
     * How many prices arrived so far.
     *
     * @return the count
     */
    public long getPrices() {
        return prices.get();
    }

    /**
     * The latest price message.
     *
     * @return it, or {@code null} before the first
     */
    public String getLast() {
        return last;
    }
}
