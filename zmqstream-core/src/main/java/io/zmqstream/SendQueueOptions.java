package io.zmqstream;

import java.time.Duration;
import java.util.Objects;

/**
 * The bound of a stream's send queue and what a send does when it is full.
 *
 * @param capacity the most messages the queue holds
 * @param overflowPolicy what a send does when the queue is full
 * @param blockTimeout how long {@link OverflowPolicy#BLOCK} waits for room
 */
public record SendQueueOptions(int capacity, OverflowPolicy overflowPolicy, Duration blockTimeout) {

    /** The default capacity: large, but finite. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /** The default time a blocked send waits for room. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Validates the options.
     *
     * @param capacity at least 1
     * @param overflowPolicy never {@code null}
     * @param blockTimeout never {@code null} or negative
     */
    public SendQueueOptions {
        if (capacity < 1) {
            throw new IllegalArgumentException("Send queue capacity must be at least 1, was " + capacity);
        }
        Objects.requireNonNull(overflowPolicy, "overflowPolicy");
        Objects.requireNonNull(blockTimeout, "blockTimeout");
        if (blockTimeout.isNegative()) {
            throw new IllegalArgumentException("Send queue block timeout must not be negative, was " + blockTimeout);
        }
    }

    /**
     * The defaults: {@value #DEFAULT_CAPACITY} messages, {@link OverflowPolicy#BLOCK} for up to ten seconds.
     *
     * @return the default options
     */
    public static SendQueueOptions defaults() {
        return new SendQueueOptions(DEFAULT_CAPACITY, OverflowPolicy.BLOCK, DEFAULT_BLOCK_TIMEOUT);
    }
}
