package io.zmqstream.listener;

import java.util.concurrent.CompletableFuture;

import io.zmqstream.AsyncFrameCallback;

/**
 * A {@link ZmqListener}'s receive callback on its stream, a message at a time
 * ({@link ListenerMessageHandler}) or in batches ({@link BatchListenerHandler}): what its endpoint
 * registers, counts and waits for.
 */
interface ListenerCallback extends AsyncFrameCallback {

    /** What happens to messages failed on for good, and their counts. */
    ListenerFailures failures();

    /** Attempts made again after a failure. */
    long getRetries();

    /** Completes when every message in progress now has been handled and replied to. */
    CompletableFuture<Void> whenIdle();

    /**
     * Lets failed messages wait for another attempt, or stops that: then every message waiting now
     * is failed on for good at once (counted, dead-lettered, handed to the error handler), and so is
     * any failing later, so that a stopped listener holds up no shutdown for a retry's delay.
     *
     * @param retrying {@code true} while the listener runs
     */
    void setRetrying(boolean retrying);
}
