package io.zmqstream.sample.orders;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The front of the pipeline: numbers each order, sends it as JSON on the {@code orders} PUSH stream
 * and completes its future when the receipt comes back on the {@code receipts} PULL stream, or fails it
 * when the order's dead letter comes back instead ({@link DeadLetterDesk}).
 *
 * <p>{@link #place} is called from web request threads and from the loop thread alike: a stream's
 * {@code send} methods may be called from any thread, since they only queue the message for the
 * loop, which alone touches the socket.
 */
@Component
public class OrderDesk {

    private static final Logger log = LoggerFactory.getLogger(OrderDesk.class);

    private final ZMQStream orders;
    private final Duration timeout;
    private final AtomicLong numbers = new AtomicLong();
    private final Map<Long, CompletableFuture<Receipt>> pending = new ConcurrentHashMap<>();

    /**
     * Creates the desk.
     *
     * @param orders the {@code zmq.streams.orders} stream
     * @param timeout how long an order may take before its future fails
     */
    public OrderDesk(@Qualifier("orders") ZMQStream orders, @Value("${sample.order-timeout}") Duration timeout) {
        this.orders = orders;
        this.timeout = timeout;
    }

    /**
     * Sends an order into the pipeline, from any thread.
     *
     * @param line what is ordered
     * @return its receipt, once the worker priced it
     */
    public CompletableFuture<Receipt> place(OrderLine line) {
        long number = numbers.incrementAndGet();
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        pending.put(number, receipt);
        receipt.whenComplete((done, failure) -> pending.remove(number));
        log.info("desk   -> order #{}: {} x {}", number, line.quantity(), line.item());
        orders.sendJson(new Order(number, line.item(), line.quantity(), line.unitPrice()));
        return receipt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Completes the order a receipt belongs to.
     *
     * @param receipt the receipt, read from JSON
     */
    @ZmqListener("receipts")
    public void onReceipt(Receipt receipt) {
        log.info("desk   <- receipt #{}", receipt.id());
        CompletableFuture<Receipt> waiting = pending.get(receipt.id());
        if (waiting == null) {
            log.warn("A receipt for order {}, which nobody waits for (it timed out)", receipt.id());
            return;
        }
        waiting.complete(receipt);
    }

    /**
     * Fails the order the pipeline refused for good, at once, instead of letting it time out.
     *
     * @param id the order's number
     * @param reason why it was refused
     */
    public void refused(long id, String reason) {
        CompletableFuture<Receipt> waiting = pending.get(id);
        if (waiting != null) {
            waiting.completeExceptionally(new OrderRefusedException("order #" + id + " was refused: " + reason));
        }
    }

    /**
     * How many orders were placed so far.
     *
     * @return the count
     */
    public long getPlaced() {
        return numbers.get();
    }
}
