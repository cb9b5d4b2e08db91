package io.zmqstream.sample.orders;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /orders}: sends the order into the pipeline from the web request's thread and answers
 * with its receipt, without holding that thread while the pipeline works.
 */
@RestController
public class OrderController {

    private final OrderDesk desk;

    /**
     * Creates the controller.
     *
     * @param desk where orders enter the pipeline
     */
    public OrderController(OrderDesk desk) {
        this.desk = desk;
    }

    /**
     * Places an order.
     *
     * @param line the order: item, quantity and unit price
     * @return its receipt, when the pipeline has priced it
     */
    @PostMapping("/orders")
    public CompletableFuture<Receipt> place(@RequestBody OrderLine line) {
        if (line.item() == null || line.item().isBlank() || line.quantity() < 1 || line.unitPrice() == null
                || line.unitPrice().compareTo(BigDecimal.ZERO) < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "An order needs an item, a quantity of at least 1 and a unit price of at least 0");
        }
        return desk.place(line);
    }
}
