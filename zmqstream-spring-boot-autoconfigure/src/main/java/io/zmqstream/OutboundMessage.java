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
 * frame on the loop thread.
 */
final class OutboundMessage {

    final List<?> frames;
    final SendCallback callback;
    final boolean copied;
    final long bytes;
    private final boolean moreFollows;
    /** Frames the socket has already taken; only the loop thread reads or writes it. */
    private int framesSent;

    private OutboundMessage(List<?> frames, int flags, SendCallback callback, boolean copied, long bytes) {
        this.frames = frames;
        this.moreFollows = (flags & ZMQ.SNDMORE) != 0;
        this.callback = callback;
        this.copied = copied;
        this.bytes = bytes;
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
        long bytes = 0;
        for (int i = 0; i < frames.size(); i++) {
            bytes += frameSize(frames.get(i), i);
        }
        List<?> queued = copy ? copyFrames(frames) : List.copyOf(frames);
        return new OutboundMessage(queued, flags, callback, copy, bytes);
    }

    /** Wraps frames the stream made itself (encoded text, JSON, objects): nobody else holds them. */
    static OutboundMessage owned(byte[] frame, int flags, SendCallback callback) {
        return new OutboundMessage(List.of(frame), flags, callback, true, frame.length);
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
        if (frames.size() == 1) {
            return List.of(copyOf(frames.get(0)));
        }
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
        int last = frames.size() - 1;
        while (framesSent <= last) {
            int flags = ZMQ.DONTWAIT | (framesSent < last || moreFollows ? ZMQ.SNDMORE : 0);
            if (!socket.sendMsg(toMsg(frames.get(framesSent)), flags)) {
                return false;
            }
            framesSent++;
        }
        return true;
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
