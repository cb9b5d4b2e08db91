package io.zmqstream.sample.orders;

import java.math.BigDecimal;

/**
 * An order on its way through the pipeline, as JSON on the {@code orders} stream.
 *
 * @param id the desk's number for it, which its receipt carries back
 * @param item what is ordered
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record Order(long id, String item, int quantity, BigDecimal unitPrice) {
}
