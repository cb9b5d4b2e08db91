package io.zmqstream;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a message was not sent.
 *
 * @param reason the kind of failure
 * @param cause the exception behind it, or {@code null} when there is none
 */
public record SendFailure(Reason reason, Throwable cause) {

    /**
     * Creates a failure.
     *
     * @param reason the kind of failure, never {@code null}
     * @param cause the exception behind it, or {@code null}
     */
    public SendFailure {
        Objects.requireNonNull(reason, "reason");
    }

    /** The kinds of send failure, each counted separately in {@link StreamStatistics}. */
    public enum Reason {
        /** The send queue was full and the overflow policy dropped or refused the message. */
        QUEUE_FULL,
        /** The stream closed before the socket could take the message within the linger time. */
        DROPPED_ON_CLOSE,
        /** The socket refused the message with an error (e.g. an unroutable ROUTER peer). */
        SOCKET_ERROR,
        /** The socket's state refused the message: a REP sends one reply per request, and none awaited one. */
        INVALID_STATE;

        private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /**
         * The reason as metrics and monitoring show it: {@code queue-full}, {@code dropped-on-close},
         * {@code socket-error}, {@code invalid-state}.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }
}
