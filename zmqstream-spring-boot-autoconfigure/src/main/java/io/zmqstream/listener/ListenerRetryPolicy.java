package io.zmqstream.listener;

import java.time.Duration;
import java.util.List;

/**
 * When and after how long a {@link ZmqListener} method that failed is called again: the
 * annotation's {@link ZmqRetry} over its stream's {@link StreamListenerProperties.Retry}.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param delay the wait before the second attempt
 * @param multiplier what each further wait is multiplied by, at least 1
 * @param maxDelay the longest wait
 * @param retryOn the failures retried (empty: all)
 * @param noRetryOn the failures never retried
 */
record ListenerRetryPolicy(int maxAttempts, Duration delay, double multiplier, Duration maxDelay,
        List<Class<? extends Throwable>> retryOn, List<Class<? extends Throwable>> noRetryOn) {

    /** Whether any failure is ever retried. */
    boolean retries() {
        return maxAttempts > 1;
    }

    /**
     * Whether a message whose attempt failed gets another.
     *
     * @param failure what the attempt threw
     * @param attemptsMade the attempts made so far, the failed one included
     */
    boolean retries(Throwable failure, int attemptsMade) {
        if (attemptsMade >= maxAttempts || failure instanceof ZmqMessageConversionException) {
            return false;
        }
        return !foundIn(failure, noRetryOn) && (retryOn.isEmpty() || foundIn(failure, retryOn));
    }

    /**
     * The wait before an attempt: the delay before the second, multiplied for each one after, at most the bound.
     *
     * @param attempt the attempt about to be made, from 2
     */
    Duration delayBefore(int attempt) {
        double nanos = delay.toNanos() * Math.pow(multiplier, attempt - 2);
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }

    private static boolean foundIn(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
