package io.zmqstream.sample.orders;

import io.zmqstream.listener.ZmqDeadLetter;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.JsonPayloadCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The dead-letter service: reads each order the worker failed on for good from the
 * {@code dead-letter-intake} PULL stream, logs why, and tells the desk, so that whoever waits for
 * that order's receipt hears at once that it was refused. In a real system this would be a service
 * of its own that stores dead letters for a person to look at.
 */
@Component
public class DeadLetterDesk {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDesk.class);

    private final OrderDesk desk;
    private final JsonPayloadCodec json;

    /**
     * Creates the service.
     *
     * @param desk the desk that waits for receipts
     * @param json reads the order in the dead letter, as the listeners read JSON
     */
    public DeadLetterDesk(OrderDesk desk, JsonPayloadCodec json) {
        this.desk = desk;
        this.json = json;
    }

    /**
     * Takes one dead letter.
     *
     * @param letter why an order failed, and the order
     * @throws Exception when the order in it is not JSON of an order
     */
    @ZmqListener("dead-letter-intake")
    public void onDeadLetter(ZmqDeadLetter letter) throws Exception {
        Order order = (Order) json.decode(letter.frames().get(letter.frames().size() - 1), Order.class);
        log.info("dead   <- order #{} after {} attempt(s): {} ({})", order.id(), letter.attempts(),
                letter.exceptionMessage(), letter.exception());
        desk.refused(order.id(), letter.exceptionMessage());
    }
}
