package io.zmqstream;

import java.util.List;

/**
 * A stream's hooks for context that travels with its messages, a trace above all
 * ({@link TraceContextFrame}): a frame added at the end of each message sent, and whether the
 * messages received may end with one. Neither is set by default, and a stream then sends exactly
 * the frames it is given. Obtained from {@link ZMQStream#tracing()}; every method may be called
 * from any thread.
 */
public final class StreamTracing {

    private final StreamOutbox outbox;
    private volatile boolean carriesTraceContext;

    StreamTracing(StreamOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds a frame at the end of every message sent from now on, made on the sending thread.
     *
     * @param decorator the decorator, or {@code null} for none
     */
    public void setSendDecorator(SendDecorator decorator) {
        outbox.setDecorator(decorator);
    }

    /**
     * The frame the send decorator would add to a message sent now, on this thread: for a sender
     * that queues its message later on another thread, such as a requester, which then sends it
     * with {@link #sendMultipartDecorated(List)}.
     *
     * @return the frame, or {@code null} without a decorator or when it adds none
     */
    public byte[] decoration() {
        return outbox.decoration();
    }

    /**
     * Queues a message whose frames are final, copying them: the send decorator adds nothing to it,
     * its frame being among them already ({@link #decoration()}).
     *
     * @param frames the frames: {@code byte[]}, {@link java.nio.ByteBuffer} or {@link org.zeromq.ZFrame}
     */
    public void sendMultipartDecorated(List<?> frames) {
        outbox.enqueueAsIs(OutboundMessage.of(frames, 0, true, null));
    }

    /**
     * Says that the last frame of the messages the stream receives may be a {@link TraceContextFrame},
     * for receivers (such as {@code @ZmqListener} methods) to take off and read; both ends of a
     * traced connection say so.
     *
     * @param carries whether messages may end with a trace context frame
     */
    public void setCarriesTraceContext(boolean carries) {
        this.carriesTraceContext = carries;
    }

    /**
     * Whether the messages the stream receives may end with a {@link TraceContextFrame}.
     *
     * @return what {@link #setCarriesTraceContext(boolean)} set
     */
    public boolean carriesTraceContext() {
        return carriesTraceContext;
    }
}
