package io.zmqstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frame of named text fields that a peer in any language can read: UTF-8 text, a first line
 * that names the format and its version (such as {@code zmq-trace/1}), then one {@code name: value}
 * line per field, each line ended by {@code \n}. The {@link TraceContextFrame} and a listener's
 * dead letters are written this way.
 */
public final class FieldsFrame {

    private final byte[] firstLine;

    /**
     * A format of such frames.
     *
     * @param format the first line's text, without its line break, such as {@code zmq-trace/1}
     */
    public FieldsFrame(String format) {
        if (format.isEmpty() || format.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A format is one line of text, was '" + format + "'");
        }
        this.firstLine = (format + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes fields as a frame of this format.
     *
     * @param fields the fields, by name, in the order to write them
     * @return the frame
     * @throws IllegalArgumentException when a name or a value holds a line break, or a name a colon
     */
    public byte[] encode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder(new String(firstLine, StandardCharsets.UTF_8));
        fields.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("The field '" + name + "' cannot be written in a frame");
            }
            text.append(name).append(": ").append(value).append('\n');
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether a frame is of this format.
     *
     * @param frame the frame
     * @return {@code true} when it begins with the format's first line
     */
    public boolean matches(byte[] frame) {
        return frame.length >= firstLine.length && Arrays.equals(frame, 0, firstLine.length, firstLine, 0, firstLine.length);
    }

    /**
     * Whether a frame, read in place, is of this format.
     *
     * @param frame the frame's bytes from its position on; left as it is
     * @return {@code true} when they begin with the format's first line
     */
    public boolean matches(ByteBuffer frame) {
        if (frame.remaining() < firstLine.length) {
            return false;
        }
        for (int i = 0; i < firstLine.length; i++) {
            if (frame.get(frame.position() + i) != firstLine[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads the fields of a frame of this format; lines that are not {@code name: value} are skipped.
     *
     * @param frame a frame that {@link #matches(byte[])}
     * @return the fields, by name, in their order
     * @throws IllegalArgumentException when the frame is of another format
     */
    public Map<String, String> decode(byte[] frame) {
        if (!matches(frame)) {
            throw new IllegalArgumentException("The frame does not begin with " + this);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(frame, firstLine.length, frame.length - firstLine.length, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** The format's first line. */
    @Override
    public String toString() {
        return new String(firstLine, 0, firstLine.length - 1, StandardCharsets.UTF_8);
    }
}
