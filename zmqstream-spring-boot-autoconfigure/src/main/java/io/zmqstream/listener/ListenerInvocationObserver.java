package io.zmqstream.listener;

import java.util.Map;

/**
 * Watches the invocations of {@link ZmqListener} methods, for metrics or tracing. The starter's
 * metrics configuration provides one when the application has Micrometer: a {@code zmq.listener}
 * timer, or an Observation per invocation when {@code zmq.listener.observation-enabled} is set.
 */
@FunctionalInterface
public interface ListenerInvocationObserver {

    /** Watches nothing. */
    ListenerInvocationObserver NONE = (listenerId, streamName) -> () -> Invocation.NONE;

    /**
     * Prepares to watch one listener; called once, when the listener is created.
     *
     * @param listenerId the listener's id
     * @param streamName the name of its stream
     * @return what starts watching each of its invocations
     */
    Invocations forListener(String listenerId, String streamName);

    /** Starts watching the invocations of one listener. */
    @FunctionalInterface
    interface Invocations {

        /**
         * Starts watching one invocation, on the thread that is about to call the method.
         *
         * @return the invocation
         */
        Invocation start();

        /**
         * Starts watching one invocation of a message that came with a trace context, on the thread
         * that is about to call the method: a tracing observer continues that trace. By default, as
         * {@link #start()}.
         *
         * @param traceContext the fields of the message's trace context frame, empty for none
         * @return the invocation
         */
        default Invocation start(Map<String, String> traceContext) {
            return start();
        }

        /**
         * An invocation failed and the message will be handed to the method again, after the retry
         * policy's delay. By default, nothing.
         *
         * @param failure what the invocation threw
         */
        default void retrying(Throwable failure) {
        }

        /**
         * A message the listener failed on for good went to its dead-letter stream, or the stream
         * could not take it; on the dead-letter stream's loop thread. By default, nothing.
         *
         * @param taken whether the dead-letter stream's socket took it
         */
        default void deadLettered(boolean taken) {
        }
    }

    /** One invocation being watched. */
    interface Invocation {

        /** Watches nothing. */
        Invocation NONE = failure -> {
        };

        /**
         * The method has returned, on the thread that called it; its stage may still be running.
         * Closes what {@link Invocations#start()} opened on that thread, such as a tracing scope.
         */
        default void returned() {
        }

        /**
         * Runs an action as part of the invocation, on any thread: the reply's send, so that what the
         * reply carries (a trace context) is the invocation's. By default, runs it.
         *
         * @param action the action
         */
        default void inScope(Runnable action) {
            action.run();
        }

        /**
         * The message has been handled, on whichever thread completed it.
         *
         * @param failure what failed, or {@code null} on success
         */
        void ended(Throwable failure);
    }
}
