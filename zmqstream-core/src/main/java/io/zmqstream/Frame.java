package io.zmqstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import zmq.Msg;
import zmq.io.Metadata;

/**
 * One received message part that keeps JeroMQ's message object: the data without copying, the
 * "more" flag and the connection's metadata (peer address, socket type, user id). pyzmq's
 * {@code zmq.Frame}.
 */
public final class Frame {

    private final Msg msg;

    Frame(Msg msg) {
        this.msg = msg;
    }

    /**
     * The frame's bytes; the message's own array when it has one of exactly this size, otherwise a copy.
     *
     * @return the data
     */
    public byte[] data() {
        return msg.data();
    }

    /**
     * A read-only view of the frame's bytes, without copying.
     *
     * @return a buffer positioned at the start of the frame
     */
    public ByteBuffer buffer() {
        return msg.buf().asReadOnlyBuffer();
    }

    /**
     * The frame's size.
     *
     * @return the number of bytes
     */
    public int size() {
        return msg.size();
    }

    /**
     * Whether more parts of the same message follow this one.
     *
     * @return {@code true} for every part but the last
     */
    public boolean hasMore() {
        return msg.hasMore();
    }

    /**
     * A metadata property of the connection the frame came from, such as
     * {@code "Peer-Address"}, {@code "Socket-Type"} or {@code "User-Id"}.
     *
     * @param name the property name
     * @return its value, or {@code null} when the transport gives none (e.g. {@code inproc://})
     */
    public String property(String name) {
        Metadata metadata = msg.getMetadata();
        return metadata == null ? null : metadata.get(name);
    }

    /**
     * The frame decoded as UTF-8 text.
     *
     * @return the text
     */
    public String text() {
        return new String(data(), StandardCharsets.UTF_8);
    }

    /**
     * The underlying JeroMQ message, for anything this class does not expose.
     *
     * @return the message object
     */
    public Msg msg() {
        return msg;
    }

    @Override
    public String toString() {
        return "Frame[size=" + size() + (hasMore() ? ", more" : "") + "]";
    }
}
