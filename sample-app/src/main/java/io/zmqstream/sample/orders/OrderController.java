package io.zmqstream.sample.orders;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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

    /**
     * An order the pipeline refused for good (its dead letter came back): 422 with the reason.
     *
     * @param refusal the refusal
     * @return the answer
     */
    @ExceptionHandler(OrderRefusedException.class)
    public ResponseEntity<String> refused(OrderRefusedException refusal) {
        return ResponseEntity.unprocessableContent().body(refusal.getMessage());
    }
}
