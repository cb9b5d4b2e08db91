package io.zmqstream.sample.orders;

/** The pipeline refused an order for good: its dead letter came back instead of a receipt. */
public class OrderRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message why, as the dead letter says
     */
    public OrderRefusedException(String message) {
        super(message);
    }
}
