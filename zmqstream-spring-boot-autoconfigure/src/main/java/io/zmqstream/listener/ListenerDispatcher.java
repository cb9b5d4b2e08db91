package io.zmqstream.listener;

import java.util.concurrent.Executor;

/**
 * Runs a listener's work for a message off the loop thread: on its executor as it comes, or in the
 * lanes of its {@code concurrency} ({@link PeerOrderedLanes}).
 */
@FunctionalInterface
interface ListenerDispatcher {

    /**
     * Runs the work for one message.
     *
     * @param message the message the work is for, which may choose where it runs
     * @param work the work
     * @throws java.util.concurrent.RejectedExecutionException when the executor takes no more work
     */
    void dispatch(ZmqListenerMessage message, Runnable work);

    /** Work on an executor, each message as it comes. */
    static ListenerDispatcher on(Executor executor) {
        return (message, work) -> executor.execute(work);
    }
}
