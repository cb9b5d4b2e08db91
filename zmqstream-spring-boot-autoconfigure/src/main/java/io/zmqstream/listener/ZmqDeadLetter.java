package io.zmqstream.listener;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.FieldsFrame;

/**
 * A message a {@link ZmqListener} failed on for good, as its dead-letter stream sends it: one
 * frame that says why, then the message's frames as the listener's stream received them (a
 * ROUTER's routing envelope included, a trace context frame not).
 *
 * <p>The first frame is UTF-8 text, a {@link FieldsFrame} of the format {@code zmq-dead-letter/1}:
 *
 * <pre>
 * zmq-dead-letter/1
 * listener: orderWorker.handle
 * stream: orders
 * exception: java.lang.IllegalStateException
 * message: no stock for item 7
 * attempts: 3
 * time: 2026-12-03T10:15:30.123Z
 * </pre>
 *
 * <p>{@code message} is the exception's message with each line break as a space, empty when it
 * has none; {@code attempts} counts the calls made (1 when the arguments could not be made);
 * {@code time} is the last failure's, in ISO-8601 UTC.
 *
 * @param listener the listener's id
 * @param stream the name of the stream the message came on
 * @param exception the failure's class name
 * @param exceptionMessage the failure's message, one line, empty for none
 * @param attempts the calls made
 * @param time when the last attempt failed
 * @param frames the message's frames
 */
public record ZmqDeadLetter(String listener, String stream, String exception, String exceptionMessage, int attempts,
        Instant time, List<byte[]> frames) {

    /** The first frame's format. */
    public static final FieldsFrame FORMAT = new FieldsFrame("zmq-dead-letter/1");

    /**
     * A dead letter.
     *
     * @param listener the listener's id
     * @param stream the name of the stream the message came on
     * @param exception the failure's class name
     * @param exceptionMessage the failure's message, one line, empty for none
     * @param attempts the calls made
     * @param time when the last attempt failed
     * @param frames the message's frames
     */
    public ZmqDeadLetter {
        frames = List.copyOf(frames);
    }

    /**
     * The dead letter of a failure.
     *
     * @param listener the listener's id
     * @param stream the name of the stream the message came on
     * @param failure what failed; its cause, when it is a {@link ZmqListenerException} that has one
     * @param attempts the calls made
     * @param frames the message's frames
     * @return the dead letter, timed now
     */
    public static ZmqDeadLetter of(String listener, String stream, Throwable failure, int attempts, List<byte[]> frames) {
        Throwable reported = failure instanceof ZmqListenerException && !(failure instanceof ZmqMessageConversionException)
                && failure.getCause() != null ? failure.getCause() : failure;
        String text = reported.getMessage() == null ? "" : reported.getMessage().replaceAll("[\\r\\n]+", " ").strip();
        return new ZmqDeadLetter(listener, stream, reported.getClass().getName(), text, attempts, Instant.now(), frames);
    }

    /**
     * Whether a message is a dead letter: its first frame is of the {@link #FORMAT}.
     *
     * @param message the message's frames
     * @return {@code true} for a dead letter
     */
    public static boolean isDeadLetter(List<byte[]> message) {
        return !message.isEmpty() && FORMAT.matches(message.get(0));
    }

    /**
     * Reads a dead letter from a message, as a dead-letter service receives it.
     *
     * @param message the message's frames
     * @return the dead letter
     * @throws IllegalArgumentException when the message is not a dead letter
     */
    public static ZmqDeadLetter decode(List<byte[]> message) {
        if (!isDeadLetter(message)) {
            throw new IllegalArgumentException("The message does not begin with a " + FORMAT + " frame");
        }
        Map<String, String> fields = FORMAT.decode(message.get(0));
        return new ZmqDeadLetter(fields.getOrDefault("listener", ""), fields.getOrDefault("stream", ""),
                fields.getOrDefault("exception", ""), fields.getOrDefault("message", ""),
                Integer.parseInt(fields.getOrDefault("attempts", "0")), Instant.parse(fields.get("time")),
                message.subList(1, message.size()));
    }

    /**
     * The dead letter as a message: the frame that says why, then the message's frames.
     *
     * @return the frames to send
     */
    public List<byte[]> encode() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("listener", listener);
        fields.put("stream", stream);
        fields.put("exception", exception);
        fields.put("message", exceptionMessage);
        fields.put("attempts", Integer.toString(attempts));
        fields.put("time", time.toString());
        List<byte[]> message = new ArrayList<>(frames.size() + 1);
        message.add(FORMAT.encode(fields));
        message.addAll(frames);
        return message;
    }
}
