package io.zmqstream.sample.orders;

import java.math.BigDecimal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipeline's worker: reads each order as JSON from the {@code order-intake} PULL stream and
 * returns its receipt, which the starter writes as JSON to the {@code order-results} PUSH stream
 * ({@code replyTo}). Another process could run this worker: only {@code application.yml} says where
 * the streams bind and connect.
 *
 * <p>It fails, as real workers do, in two ways. Every fifth order finds the price list being
 * refreshed on its first attempt: the starter calls the worker again 100 ms later ({@code retry}),
 * and the order goes through. An order of more than {@value #MAX_QUANTITY} is refused for good
 * ({@code noRetryOn}): the starter sends it to the {@code dead-letters} stream behind a frame that
 * says why, where {@link DeadLetterDesk} reads it.
 */
@Component
public class OrderWorker {

    /** The most of one item an order may ask for; more is a bulk order, which this worker refuses. */
    public static final int MAX_QUANTITY = 100;

    private static final Logger log = LoggerFactory.getLogger(OrderWorker.class);

    private final Set<Long> triedOnce = ConcurrentHashMap.newKeySet();

    /** Creates the worker; its listener starts with the application. */
    public OrderWorker() {
    }

    /**
     * Prices one order.
     *
     * @param order the order, read from JSON
     * @return its receipt, sent on {@code order-results}
     * @throws BulkOrderException when the order asks for more than {@value #MAX_QUANTITY}: never retried
     * @throws IllegalStateException on the first attempt of every fifth order: retried
     */
    @ZmqListener(value = "order-intake", replyTo = "order-results", deadLetter = "dead-letters",
            retry = @ZmqRetry(maxAttempts = "3", delay = "100ms", multiplier = "2", noRetryOn = BulkOrderException.class))
    public Receipt price(Order order) {
        if (order.quantity() > MAX_QUANTITY) {
            throw new BulkOrderException(order.quantity() + " x " + order.item() + " is a bulk order, more than "
                    + MAX_QUANTITY);
        }
        if (order.id() % 5 == 0 && triedOnce.add(order.id())) {
            log.info("worker !! order #{}: the price list is being refreshed; the starter tries again", order.id());
            throw new IllegalStateException("the price list is being refreshed");
        }
        BigDecimal total = order.unitPrice().multiply(BigDecimal.valueOf(order.quantity()));
        triedOnce.remove(order.id());
        return new Receipt(order.id(), order.item(), order.quantity(), total, Thread.currentThread().getName());
    }
}
