package io.zmqstream.sample.orders;

import java.math.BigDecimal;

import io.zmqstream.listener.ZmqListener;
import org.springframework.stereotype.Component;

/**
 * The pipeline's worker: reads each order as JSON from the {@code order-intake} PULL stream and
 * returns its receipt, which the starter writes as JSON to the {@code order-results} PUSH stream
 * ({@code replyTo}). Another process could run this worker: only {@code application.yml} says where
 * the streams bind and connect.
 */
@Component
public class OrderWorker {

    /** Creates the worker; its listener starts with the application. */
    public OrderWorker() {
    }

    /**
     * Prices one order.
     *
     * @param order the order, read from JSON
     * @return its receipt, sent on {@code order-results}
     */
    @ZmqListener(value = "order-intake", replyTo = "order-results")
    public Receipt price(Order order) {
        BigDecimal total = order.unitPrice().multiply(BigDecimal.valueOf(order.quantity()));
        return new Receipt(order.id(), order.item(), order.quantity(), total, Thread.currentThread().getName());
    }
}
