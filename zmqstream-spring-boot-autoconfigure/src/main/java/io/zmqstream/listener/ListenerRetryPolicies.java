package io.zmqstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.boot.convert.DurationStyle;

/**
 * Makes a listener's {@link ListenerRetryPolicy} from its {@link ZmqRetry} and its stream's
 * settings, refusing values that cannot work with the listener's and the property's names.
 */
final class ListenerRetryPolicies {

    private final UnaryOperator<String> placeholders;

    /**
     * @param placeholders resolves {@code ${...}} in the annotation's values
     */
    ListenerRetryPolicies(UnaryOperator<String> placeholders) {
        this.placeholders = placeholders;
    }

    /**
     * @param description the listener, as failures name it
     * @param streamName its stream, whose {@code zmq.streams.<name>.listener.retry} fills what the annotation leaves empty
     */
    ListenerRetryPolicy policy(String description, String streamName, ZmqRetry retry, StreamListenerProperties.Retry defaults) {
        String property = "zmq.streams." + streamName + ".listener.retry.";
        int maxAttempts = value(description, retry.maxAttempts(), "maxAttempts", Integer::valueOf, defaults.getMaxAttempts());
        Duration delay = value(description, retry.delay(), "delay", DurationStyle::detectAndParse, defaults.getDelay());
        double multiplier = value(description, retry.multiplier(), "multiplier", Double::valueOf, defaults.getMultiplier());
        Duration maxDelay = value(description, retry.maxDelay(), "maxDelay", DurationStyle::detectAndParse,
                defaults.getMaxDelay());
        require(description, maxAttempts >= 1, "maxAttempts (or " + property + "max-attempts) is " + maxAttempts,
                "Set it to 1 (no retry) or more.");
        require(description, !delay.isNegative() && !maxDelay.isNegative(), "a retry delay is negative (" + delay
                + ", at most " + maxDelay + ")", "Set delay and maxDelay (or " + property + "delay and max-delay) to 0 or more.");
        require(description, multiplier >= 1 && Double.isFinite(multiplier), "multiplier (or " + property
                + "multiplier) is " + multiplier, "Set it to 1 (the same wait each time) or more.");
        return new ListenerRetryPolicy(maxAttempts, delay, multiplier, maxDelay, List.of(retry.retryOn()),
                List.of(retry.noRetryOn()));
    }

    private <T> T value(String description, String text, String attribute, Parser<T> parser, T fallback) {
        String resolved = placeholders.apply(text);
        if (resolved.isEmpty()) {
            return fallback;
        }
        try {
            return parser.parse(resolved);
        }
        catch (RuntimeException ex) {
            throw new ZmqListenerConfigurationException(description, "retry " + attribute + " is '" + resolved + "'",
                    "Set retry " + attribute + " to a " + (fallback instanceof Duration ? "duration such as \"200ms\""
                            : "number") + ", or leave it empty for the stream's setting.");
        }
    }

    private static void require(String description, boolean holds, String problem, String action) {
        if (!holds) {
            throw new ZmqListenerConfigurationException(description, problem, action);
        }
    }

    /** Reads one attribute's text. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text);
    }
}
