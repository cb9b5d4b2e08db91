package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.zmqstream.ZMQStream;
import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

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
        addFrames(frames, value);
        target.sendMultipart(frames);
    }

    /** Sends one empty frame: what a REP socket that owes a reply must send before its next request. */
    void sendEmpty(ZmqListenerMessage request) throws Exception {
        send(request, EMPTY);
    }

    private void addFrames(List<Object> frames, Object value) throws Exception {
        if (value instanceof byte[] || value instanceof ZFrame) {
            frames.add(value);
        }
        else if (value instanceof String text) {
            frames.add(text.getBytes(StandardCharsets.UTF_8));
        }
        else if (value instanceof ZMsg msg) {
            frames.addAll(msg);
        }
        else if (value instanceof List<?> list && (declaredFrames || isFrames(list))) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("the reply is an empty list of frames, and a message needs at "
                        + "least one frame");
            }
            frames.addAll(list);
        }
        else if (json != null) {
            frames.add(json.encode(value));
        }
        else {
            throw new IllegalStateException("A " + value.getClass().getName() + " reply is sent as JSON, but the "
                    + "application has no Jackson 3 (tools.jackson.core:jackson-databind)");
        }
    }

    private static boolean isFrames(List<?> list) {
        if (list.isEmpty()) {
            return false;
        }
        for (Object element : list) {
            if (!(element instanceof byte[] || element instanceof ZFrame)) {
                return false;
            }
        }
        return true;
    }
}
