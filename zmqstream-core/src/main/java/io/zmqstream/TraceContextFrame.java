package io.zmqstream;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The frame that carries a message's trace context on a traced stream, after the message's other
 * frames: after the body, so that a PUB's topic stays first and REQ, REP and ROUTER envelopes and
 * the proxies between them stay as they are. Its text, UTF-8, is the line {@code zmq-trace/1}
 * followed by one {@code name: value} line per field, each ended by {@code \n}, such as
 *
 * <pre>
 * zmq-trace/1
 * traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01
 * tracestate: congo=t61rcWkgMzE
 * </pre>
 *
 * <p>with the W3C Trace Context fields ({@code traceparent}, {@code tracestate}) and, where
 * configured, W3C {@code baggage}, as a tracer's propagator writes them. A message whose last frame
 * does not begin with the first line has no trace context. Names are lowercase; values hold no line
 * break ({@link FieldsFrame}).
 */
public final class TraceContextFrame {

    private static final FieldsFrame FORMAT = new FieldsFrame("zmq-trace/1");

    private TraceContextFrame() {
    }

    /**
     * Writes trace context fields as a frame.
     *
     * @param fields the fields, by lowercase name
     * @return the frame
     * @throws IllegalArgumentException when a name or a value holds a line break, or a name a colon
     */
    public static byte[] encode(Map<String, String> fields) {
        return FORMAT.encode(fields);
    }

    /**
     * Whether a frame is a trace context frame.
     *
     * @param frame the frame
     * @return {@code true} when it begins with the format's first line
     */
    public static boolean isTraceContext(byte[] frame) {
        return FORMAT.matches(frame);
    }

    /**
     * Whether a frame, read in place, is a trace context frame.
     *
     * @param frame the frame's bytes from its position on; left as it is
     * @return {@code true} when they begin with the format's first line
     */
    public static boolean isTraceContext(ByteBuffer frame) {
        return FORMAT.matches(frame);
    }

    /**
     * Reads the fields of a trace context frame; lines that are not {@code name: value} are skipped.
     *
     * @param frame a frame for which {@link #isTraceContext(byte[])} holds
     * @return the fields, by name, in their order
     */
    public static Map<String, String> decode(byte[] frame) {
        return FORMAT.decode(frame);
    }

    /**
     * A message's frames without its trace context frame, if it ends with one.
     *
     * @param frames the message's frames
     * @return the frames before the trace context frame, or all of them
     */
    public static List<byte[]> withoutTraceContext(List<byte[]> frames) {
        return !frames.isEmpty() && isTraceContext(frames.get(frames.size() - 1))
                ? frames.subList(0, frames.size() - 1) : frames;
    }
}
