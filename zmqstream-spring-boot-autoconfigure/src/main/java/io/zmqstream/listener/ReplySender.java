package io.zmqstream.listener;

import java.util.ArrayList;
import java.util.List;

import io.zmqstream.ZMQStream;

/**
 * Sends what a {@link ZmqListener} method returned to the stream that replies, behind the
 * request's routing envelope when the reply goes back through the ROUTER it came from. Sends are
 * thread-safe, so replies made on an executor leave through the loop like any other.
 */
final class ReplySender {

    private static final byte[] EMPTY = new byte[0];

    private final ZMQStream target;
    private final boolean withEnvelope;
    private final JsonPayloadCodec json;
    private final boolean declaredFrames;

    /**
     * @param target the stream replies are sent on
     * @param withEnvelope whether the request's routing envelope goes in front of each reply
     * @param json writes replies that are neither text nor frames, or {@code null} without Jackson 3
     * @param declaredFrames whether the method declares its replies as a list of frames, so that a
     *        list is never sent as JSON
     */
    ReplySender(ZMQStream target, boolean withEnvelope, JsonPayloadCodec json, boolean declaredFrames) {
        this.target = target;
        this.withEnvelope = withEnvelope;
        this.json = json;
        this.declaredFrames = declaredFrames;
    }

    /** Sends {@code value} as the reply to {@code request}. */
    void send(ZmqListenerMessage request, Object value) throws Exception {
        List<Object> frames = new ArrayList<>();
        if (withEnvelope) {
            frames.addAll(request.getEnvelope().frames());
        }
        frames.addAll(ZmqPayloads.toFrames(value, json, declaredFrames));
        target.sendMultipart(frames);
    }

    /** Sends one empty frame: what a REP socket that owes a reply must send before its next request. */
    void sendEmpty(ZmqListenerMessage request) throws Exception {
        send(request, EMPTY);
    }
}
