package io.zmqstream.request;

import java.time.Duration;

/**
 * Hears each request of a {@link ZmqRequester} end, on the loop thread or, for one refused before
 * it reached the loop (too many in flight, or the requester closed), on the caller's: for timers in
 * metrics. Must return quickly; what it throws is logged.
 */
@FunctionalInterface
public interface RequestCompletionListener {

    /**
     * A request ended.
     *
     * @param outcome how
     * @param elapsed from the call to the end
     */
    void completed(RequestOutcome outcome, Duration elapsed);
}
