package io.zmqstream.listener;

import java.util.List;
import java.util.Map;

import io.zmqstream.Frame;
import io.zmqstream.RoutedMessage;
import io.zmqstream.RoutingEnvelope;
import io.zmqstream.TraceContextFrame;
import io.zmqstream.ZMQStream;

/**
 * One message a {@link ZmqListener} received, as it came from the socket: what arguments are
 * made from, and what a {@link ZmqListenerErrorHandler} gets when the listener fails.
 */
public final class ZmqListenerMessage {

    private final ZMQStream stream;
    private final List<Frame> frames;
    private final List<byte[]> data;
    private final int envelopeSize;
    private final Map<String, String> traceContext;

    private ZmqListenerMessage(ZMQStream stream, List<Frame> frames, boolean routed, Map<String, String> traceContext) {
        this.stream = stream;
        this.frames = frames;
        this.traceContext = traceContext;
        byte[][] bytes = new byte[frames.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = frames.get(i).data();
        }
        this.data = List.of(bytes);
        this.envelopeSize = routed ? RoutingEnvelope.sizeIn(data) : 0;
    }

    /**
     * Reads a message, splitting off the routing envelope when the stream is a ROUTER and the trace
     * context frame at its end when the stream carries trace context.
     *
     * @param stream the stream that received it
     * @param frames its frames
     * @param routed whether the stream is a ROUTER
     * @return the message
     */
    static ZmqListenerMessage received(ZMQStream stream, List<Frame> frames, boolean routed) {
        Map<String, String> traceContext = Map.of();
        if (stream.tracing().carriesTraceContext() && frames.size() > 1) {
            // Read in place: the frame is copied only when it is the trace context, to decode it.
            Frame lastFrame = frames.get(frames.size() - 1);
            if (TraceContextFrame.isTraceContext(lastFrame.buffer())) {
                traceContext = TraceContextFrame.decode(lastFrame.data());
                frames = frames.subList(0, frames.size() - 1);
            }
        }
        return new ZmqListenerMessage(stream, frames, routed, traceContext);
    }

    /**
     * The stream that received the message.
     *
     * @return the stream
     */
    public ZMQStream getStream() {
        return stream;
    }

    /**
     * Every frame as received, the routing envelope included.
     *
     * @return the frames' bytes, unmodifiable
     */
    public List<byte[]> getFrames() {
        return data;
    }

    /**
     * The frames after the routing envelope: on streams other than ROUTER, every frame.
     *
     * @return the body's frames, unmodifiable
     */
    public List<byte[]> getBody() {
        return data.subList(envelopeSize, data.size());
    }

    /**
     * The routing envelope of a message a ROUTER stream received.
     *
     * @return the envelope, or {@code null} on other streams
     */
    public RoutingEnvelope getEnvelope() {
        return envelopeSize == 0 ? null : RoutingEnvelope.of(data.subList(0, envelopeSize));
    }

    /**
     * A message a ROUTER stream received, as its envelope and its body, which a broker can split
     * again ({@link RoutedMessage#inner()}) and relay ({@link RoutedMessage#frames()}).
     *
     * @return the message, or {@code null} on other streams
     */
    public RoutedMessage getRouted() {
        return envelopeSize == 0 ? null : new RoutedMessage(getEnvelope(), getBody());
    }

    /**
     * The ZAP user id of the connection the message came on: what the context's ZAP handler let the
     * peer in as (a CURVE client's Z85 key, a PLAIN user name, or what a {@code ZapAuthenticator}
     * chose).
     *
     * @return the user id, or {@code null} when the connection has none (no ZAP handler, or {@code inproc://})
     */
    public String getUserId() {
        String userId = property("User-Id");
        return userId == null || userId.isEmpty() ? null : userId;
    }

    /**
     * The IP address and port of the peer the message came from, such as {@code 10.0.0.7:53122}.
     *
     * @return the address, or {@code null} when the transport gives none (such as {@code inproc://})
     */
    public String getPeerAddress() {
        return property("Peer-Address");
    }

    /** Read from the last frame: a ROUTER makes the identity frame itself, without the connection's metadata. */
    private String property(String name) {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1).property(name);
    }

    /** The body's JeroMQ frames. */
    List<Frame> bodyFrames() {
        return frames.subList(envelopeSize, frames.size());
    }

    @Override
    public String toString() {
        return "ZmqListenerMessage[" + stream + ", " + data.size() + " frames]";
    }

    /**
     * The trace context the message came with, on a stream that carries trace context: the fields of
     * its {@link TraceContextFrame}, taken off its frames.
     *
     * @return the fields by name, empty when it came with none
     */
    public Map<String, String> getTraceContext() {
        return traceContext;
    }
}
