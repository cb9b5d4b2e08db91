package io.zmqstream.sample.quotes;

import java.math.BigDecimal;
import java.util.Map;

import io.zmqstream.listener.ZmqListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pricing service {@code POST /quotes} asks: a REP listener on {@code pricing-service} that
 * knows nothing of the template's correlation envelope (its REP socket returns it with the reply),
 * as a pyzmq or libzmq REP server would not either.
 */
@Component
class PricingService {

    private static final Logger log = LoggerFactory.getLogger(PricingService.class);
    private static final Map<String, BigDecimal> PRICES = Map.of("tea", new BigDecimal("1.50"),
            "coffee", new BigDecimal("2.20"), "cake", new BigDecimal("3.00"));

    @ZmqListener("pricing-service")
    QuoteController.Quote price(QuoteController.Order order) {
        BigDecimal unitPrice = PRICES.getOrDefault(order.item(), BigDecimal.ONE);
        log.info("rep    <- quote for {} x {}", order.quantity(), order.item());
        return new QuoteController.Quote(order.item(), unitPrice.multiply(BigDecimal.valueOf(order.quantity())));
    }
}
