package io.zmqstream;

/**
 * Adds one frame at the end of each message a stream sends, on the sending thread, where the
 * sender's context (a trace, say) is current: set with {@link StreamTracing#setSendDecorator}. A
 * message sent in parts ({@code SNDMORE}) gets the frame after its last part. A stream without a
 * decorator sends exactly the frames it is given.
 */
@FunctionalInterface
public interface SendDecorator {

    /**
     * The frame to add to a message about to be queued.
     *
     * @param stream the stream sending it
     * @return the frame, or {@code null} to add none to this message
     */
    byte[] trailingFrame(ZMQStream stream);
}
