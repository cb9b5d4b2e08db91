package io.zmqstream.sample.orders;

import java.math.BigDecimal;

/**
 * What a customer orders: the body of {@code POST /orders}.
 *
 * @param item what is ordered
 * @param quantity how many, at least one
 * @param unitPrice the price of one, not negative
 */
public record OrderLine(String item, int quantity, BigDecimal unitPrice) {
}
