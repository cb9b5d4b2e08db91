package io.zmqstream;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zeromq.ZFrame;
import org.zeromq.ZMQ;

import zmq.Msg;

/**
 * One queued message: frames validated (and copied if asked) on the sender's thread, sent frame by
 * frame on the loop thread. A single frame is kept as it is, without a list around it: that is
 * most messages, and the list would be allocated for each.
 */
final class OutboundMessage {

    /** The only frame of a single-frame message, or {@code null}. */
    private final Object single;
    /** The frames of a multipart message, or {@code null}. */
    private final List<?> multipart;
    final SendCallback callback;
    final boolean copied;
    final long bytes;
    private final boolean moreFollows;
    /** Frames the socket has already taken; only the loop thread reads or writes it. */
    private int framesSent;

    private OutboundMessage(Object single, List<?> multipart, int flags, SendCallback callback, boolean copied,
            long bytes) {
        this.single = single;
        this.multipart = multipart;
        this.moreFollows = (flags & ZMQ.SNDMORE) != 0;
        this.callback = callback;
        this.copied = copied;
        this.bytes = bytes;
    }

    /** Whether the message's last part is still to come ({@code SNDMORE}). */
    boolean moreFollows() {
        return moreFollows;
    }

    /** This message with one more frame at its end, which nobody else holds. */
    OutboundMessage withTrailingFrame(byte[] frame) {
        List<Object> frames = new ArrayList<>(single != null ? 2 : multipart.size() + 1);
        if (single != null) {
            frames.add(single);
        }
        else {
            frames.addAll(multipart);
        }
        frames.add(frame);
        return new OutboundMessage(null, frames, moreFollows ? ZMQ.SNDMORE : 0, callback, copied, bytes + frame.length);
    }

    /**
     * Validates user frames, copying them when the caller may reuse its buffers at once.
     *
     * @throws IllegalArgumentException for an empty message or a frame of an unsupported type
     */
    static OutboundMessage of(List<?> frames, int flags, boolean copy, SendCallback callback) {
        if (frames == null || frames.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one frame");
        }
        if (frames.size() == 1) {
            return ofFrame(frames.get(0), flags, copy, callback);
        }
        long bytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            bytes += frameSize(frames.get(i), i);
        }
        List<?> queued = copy ? copyFrames(frames) : List.copyOf(frames);
        return new OutboundMessage(null, queued, flags, callback, copy, bytes);
    }

    /**
     * Validates one user frame, copying it when the caller may reuse its buffer at once.
     *
     * @throws IllegalArgumentException for a frame of an unsupported type
     */
    static OutboundMessage ofFrame(Object frame, int flags, boolean copy, SendCallback callback) {
        int bytes = frameSize(frame, 0);
        return new OutboundMessage(copy ? copyOf(frame) : frame, null, flags, callback, copy, bytes);
    }

    /** Wraps a frame the stream made itself (encoded text, JSON, objects): nobody else holds it. */
    static OutboundMessage owned(byte[] frame, int flags, SendCallback callback) {
        return new OutboundMessage(frame, null, flags, callback, true, frame.length);
    }

    /**
     * Encodes a value as one frame of JSON, on the calling thread.
     *
     * @throws IllegalArgumentException when the encoder cannot encode it
     */
    static OutboundMessage json(JsonEncoder encoder, Object value, int flags, SendCallback callback) {
        byte[] json;
        try {
            json = encoder.encode(value);
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("Cannot encode a " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON", ex);
        }
        return owned(json, flags, callback);
    }

    /** The frames as send callbacks see them: a list made on demand for a single frame. */
    List<?> frames() {
        return single != null ? List.of(single) : multipart;
    }

    private static int frameSize(Object frame, int index) {
        if (frame instanceof byte[] bytes) {
            return bytes.length;
        }
        if (frame instanceof ByteBuffer buffer) {
            return buffer.remaining();
        }
        if (frame instanceof ZFrame zframe) {
            if (zframe.getData() == null) {
                throw new IllegalArgumentException("Frame " + index + " is a ZFrame without data");
            }
            return zframe.size();
        }
        throw new IllegalArgumentException("Frame " + index + " is "
                + (frame == null ? "null" : "a " + frame.getClass().getName())
                + "; frames must be byte[], ByteBuffer or ZFrame");
    }

    private static List<byte[]> copyFrames(List<?> frames) {
        List<byte[]> copies = new ArrayList<>(frames.size());
        for (Object frame : frames) {
            copies.add(copyOf(frame));
        }
        return copies;
    }

    private static byte[] copyOf(Object frame) {
        if (frame instanceof byte[] bytes) {
            return Arrays.copyOf(bytes, bytes.length);
        }
        if (frame instanceof ByteBuffer buffer) {
            byte[] copy = new byte[buffer.remaining()];
            buffer.duplicate().get(copy);
            return copy;
        }
        return ((ZFrame) frame).getData().clone();
    }

    /**
     * Hands the frames not yet taken to the socket without blocking.
     *
     * @return {@code true} when every frame was taken, {@code false} when the socket cannot take
     *         more now (the message stays queued and resumes where it stopped)
     * @throws org.zeromq.ZMQException when the socket refuses the message with an error
     */
    boolean sendTo(ZMQ.Socket socket) {
        int last = single != null ? 0 : multipart.size() - 1;
        while (framesSent <= last) {
            int flags = ZMQ.DONTWAIT | (framesSent < last || moreFollows ? ZMQ.SNDMORE : 0);
            Object frame = single != null ? single : multipart.get(framesSent);
            if (!socket.sendMsg(toMsg(frame), flags)) {
                return false;
            }
            framesSent++;
        }
        return true;
    }

    /** Starts the message over, for a new socket that has none of its frames; on the socket's owner. */
    void restart() {
        framesSent = 0;
    }

    /** Whether part of this message is already on the socket, so that it cannot be withdrawn. */
    boolean isStarted() {
        return framesSent > 0;
    }

    private static Msg toMsg(Object frame) {
        if (frame instanceof byte[] bytes) {
            return new Msg(bytes);
        }
        if (frame instanceof ByteBuffer buffer) {
            return new Msg(buffer.duplicate());
        }
        return new Msg(((ZFrame) frame).getData());
    }
}
