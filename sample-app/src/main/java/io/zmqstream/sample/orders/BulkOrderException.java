package io.zmqstream.sample.orders;

/** An order the worker refuses for good: asking again would not change the answer. */
public class BulkOrderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message why the order is refused
     */
    public BulkOrderException(String message) {
        super(message);
    }
}
