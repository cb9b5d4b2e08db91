package com.example.shop;

import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListener;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

@Component
class OrderListener {                         // not "Orders": that bean name is the stream's
    private final ZMQStream audit;

    OrderListener(@Qualifier("audit") ZMQStream audit) {
        this.audit = audit;
    }

    @ZmqListener("orders")                    // runs on the loop thread
    void receive(Order order) {               // read from JSON with your JsonMapper
        audit.sendJson(new Audited(order.id()));
    }
}

record Order(String id) {
}

record Audited(String orderId) {
}
