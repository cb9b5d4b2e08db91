package io.zmqstream.request;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of a request on a DEALER stream: an 8-byte correlation id (big-endian), an
 * empty delimiter, then the body's frames. A REP server takes the frames up to the delimiter for
 * the envelope it echoes, a ROUTER that returns a request's envelope does the same, and so does a
 * broker between them, so every one of them answers {@code [id, "", reply...]} without knowing
 * about it.
 */
final class CorrelationFrames {

    static final int ID_LENGTH = Long.BYTES;

    private static final byte[] DELIMITER = new byte[0];

    private CorrelationFrames() {
    }

    /** The frames of a request. */
    static List<byte[]> request(long id, List<byte[]> body) {
        List<byte[]> frames = new ArrayList<>(body.size() + 2);
        frames.add(ByteBuffer.allocate(ID_LENGTH).putLong(id).array());
        frames.add(DELIMITER);
        frames.addAll(body);
        return frames;
    }

    /** Whether the frames are shaped as a reply: an id, the delimiter and at least one frame of body. */
    static boolean isReply(List<byte[]> frames) {
        return frames.size() >= 3 && frames.get(0).length == ID_LENGTH && frames.get(1).length == 0;
    }

    /** The correlation id of frames shaped as a reply. */
    static long id(List<byte[]> reply) {
        return ByteBuffer.wrap(reply.get(0)).getLong();
    }

    /** The body of frames shaped as a reply. */
    static List<byte[]> body(List<byte[]> reply) {
        return reply.subList(2, reply.size());
    }
}
