package io.zmqstream.listener;

import java.time.Duration;

/**
 * What the {@link ZmqListener} methods of one stream do when they fail, unless their annotation
 * says otherwise: bound to {@code zmq.streams.<name>.listener}.
 */
public class StreamListenerProperties {

    /**
     * How a listener that failed is called again for the same message.
     */
    private final Retry retry = new Retry();

    /**
     * The stream that gets each message a listener failed on for good (after its last attempt, or
     * when its arguments could not be made), behind a frame that says why; typically a PUSH to a
     * dead-letter service. A name of zmq.streams, or of any ZMQStream bean.
     */
    private String deadLetter;

    public Retry getRetry() {
        return this.retry;
    }

    public String getDeadLetter() {
        return this.deadLetter;
    }

    public void setDeadLetter(String deadLetter) {
        this.deadLetter = deadLetter;
    }

    /** How a listener that failed is called again. */
    public static class Retry {

        /**
         * Attempts in all, the first included; 1 never retries.
         */
        private int maxAttempts = 1;

        /**
         * The wait before the second attempt.
         */
        private Duration delay = Duration.ofSeconds(1);

        /**
         * What each further wait is multiplied by; 1 waits the same each time.
         */
        private double multiplier = 1.0;

        /**
         * The longest wait between two attempts.
         */
        private Duration maxDelay = Duration.ofSeconds(30);

        public int getMaxAttempts() {
            return this.maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getDelay() {
            return this.delay;
        }

        public void setDelay(Duration delay) {
            this.delay = delay;
        }

        public double getMultiplier() {
            return this.multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxDelay() {
            return this.maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }
}
