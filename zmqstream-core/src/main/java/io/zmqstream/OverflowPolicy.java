package io.zmqstream;

/**
 * What a send does when the stream's send queue is full.
 */
public enum OverflowPolicy {

    /**
     * Wait for room up to the queue's block timeout, then fail with {@link SendQueueFullException}.
     * On the loop thread, where waiting would deadlock, fail at once.
     */
    BLOCK,

    /** Fail at once with {@link SendQueueFullException}. */
    FAIL,

    /**
     * Drop the new message: it is counted, and its send callbacks get a failed status with
     * {@link SendFailure.Reason#QUEUE_FULL}. The caller is not interrupted.
     */
    DROP
}
