package io.zmqstream.sample.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.PeriodicCallback;
import io.zmqstream.ZmqIoLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the pipeline busy while nobody posts orders: places one every {@code sample.order-period}
 * from a timer on the shared loop and logs its receipt.
 */
@Component
public class OrderFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderFeed.class);
    private static final List<OrderLine> MENU = List.of(new OrderLine("coffee", 2, new BigDecimal("2.40")),
            new OrderLine("tea", 1, new BigDecimal("1.90")), new OrderLine("croissant", 3, new BigDecimal("1.25")));

    private final OrderDesk desk;
    private final PeriodicCallback feed;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Creates the feed.
     *
     * @param desk where orders enter the pipeline
     * @param loop the shared loop, which runs the timer
     * @param period how often to place an order
     */
    public OrderFeed(OrderDesk desk, ZmqIoLoop loop, @Value("${sample.order-period}") Duration period) {
        this.desk = desk;
        this.feed = new PeriodicCallback(loop, this::placeOne, period);
    }

    private void placeOne() {
        OrderLine line = MENU.get(next.getAndIncrement() % MENU.size());
        desk.place(line).whenComplete((receipt, failure) -> {
            if (failure != null) {
                log.warn("push   -> {} failed: {}", line.item(), failure.toString());
            }
            else {
                log.info("pull   <- receipt #{}: {} x {} = {} (priced on {})", receipt.id(), receipt.quantity(),
                        receipt.item(), receipt.total(), receipt.pricedOn());
            }
        });
    }

    /** Starts placing orders once the loop runs. */
    @Override
    public void start() {
        feed.start();
    }

    /** Stops placing orders. */
    @Override
    public void stop() {
        feed.stop();
    }

    /**
     * Whether orders are placed.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return feed.isRunning();
    }
}
