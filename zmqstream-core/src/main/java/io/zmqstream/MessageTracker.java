package io.zmqstream;

/**
 * The status of one send, handed to send callbacks: pyzmq's {@code MessageTracker}, made honest.
 *
 * <p>JeroMQ cannot tell when the wire has taken a frame, so this tracker never claims it.
 * {@link #isDone()} answers the question a tracker exists for, "may I reuse my buffers?": it is
 * {@code true} when the stream copied the frames at enqueue time ({@code copy=true} or
 * {@code track=true}), and {@code false} when the stream and socket may still hold the caller's
 * buffers (a {@code copy=false, track=false} send; with {@code inproc://} the peer even receives
 * the same arrays). {@link #isSent()} says whether the socket accepted the message.
 */
public final class MessageTracker {

    private static final MessageTracker SENT_COPIED = new MessageTracker(true, null);
    private static final MessageTracker SENT_SHARED = new MessageTracker(false, null);

    private final boolean done;
    private final SendFailure failure;

    private MessageTracker(boolean done, SendFailure failure) {
        this.done = done;
        this.failure = failure;
    }

    static MessageTracker sent(boolean copied) {
        return copied ? SENT_COPIED : SENT_SHARED;
    }

    static MessageTracker failed(boolean copied, SendFailure failure) {
        return new MessageTracker(copied, failure);
    }

    /**
     * Whether the caller's buffers are no longer referenced by the stream or the socket.
     *
     * @return {@code true} when the frames were copied at enqueue time
     */
    public boolean isDone() {
        return done;
    }

    /**
     * Whether the socket accepted the message (it may still be in ZeroMQ's queues).
     *
     * @return {@code true} unless the send failed
     */
    public boolean isSent() {
        return failure == null;
    }

    /**
     * Why the message was not sent.
     *
     * @return the failure, or {@code null} when the socket accepted the message
     */
    public SendFailure getFailure() {
        return failure;
    }

    @Override
    public String toString() {
        return "MessageTracker[done=" + done + (failure == null ? ", sent" : ", failed=" + failure.reason()) + "]";
    }
}
