package io.zmqstream.sample.orders;

import java.math.BigDecimal;

/**
 * What the pipeline made of an order, as JSON on the {@code order-results} stream and as the answer
 * to {@code POST /orders}.
 *
 * @param id the order's number
 * @param item what was ordered
 * @param quantity how many
 * @param total quantity times unit price
 * @param pricedOn the thread that priced it: the shared loop's
 */
public record Receipt(long id, String item, int quantity, BigDecimal total, String pricedOn) {
}
