package io.zmqstream.sample.quotes;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import io.zmqstream.template.ZmqTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /quotes}: asks the pricing service over ZeroMQ and answers with its reply. */
@RestController
class QuoteController {

    record Order(String item, int quantity) { }

    record Quote(String item, BigDecimal total) { }

    private final ZmqTemplate zmq;

    QuoteController(ZmqTemplate zmq) {
        this.zmq = zmq;
    }

    @PostMapping("/quotes")
    CompletableFuture<Quote> quote(@RequestBody Order order) {
        // Completes off the loop thread; fails with ZmqRequestTimeoutException, naming the stream.
        return zmq.sendAndReceive("pricing", order, Quote.class);
    }
}
