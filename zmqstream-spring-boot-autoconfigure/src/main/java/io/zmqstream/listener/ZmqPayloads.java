package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZFrame;
import org.zeromq.ZMsg;

/**
 * Turns values into a message's frames and back, the same way for {@code @ZmqListener} replies
 * and for the template: {@code byte[]} and {@link ZFrame} are one frame, a {@link String} one
 * UTF-8 frame, a {@link ZMsg} or a list of {@code byte[]}/{@code ZFrame} its frames, anything else
 * one frame of JSON; read back, {@code byte[]}, {@code String} and JSON types take the last frame,
 * {@code ZMsg} and {@code List} all of them.
 */
public final class ZmqPayloads {

    private ZmqPayloads() {
    }

    /**
     * The frames of a value.
     *
     * @param value the value
     * @param json writes values of other types, or {@code null} without Jackson 3
     * @param declaredFrames whether a list is frames even when empty or mixed, never JSON
     * @return the frames, {@code byte[]} or {@code ZFrame}
     * @throws Exception when the value cannot be written
     */
    public static List<Object> toFrames(Object value, JsonPayloadCodec json, boolean declaredFrames) throws Exception {
        List<Object> frames = new ArrayList<>();
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
                throw new IllegalArgumentException("the value is an empty list of frames, and a message needs at "
                        + "least one frame");
            }
            frames.addAll(list);
        }
        else if (json != null) {
            frames.add(json.encode(value));
        }
        else {
            throw new IllegalStateException("A " + value.getClass().getName() + " is sent as JSON, but the "
                    + "application has no Jackson 3 (tools.jackson.core:jackson-databind)");
        }
        return frames;
    }

    /**
     * A value read from a message's frames.
     *
     * @param <T> the type
     * @param frames the frames, at least one
     * @param type {@code byte[]}, {@code String}, {@code List} (of {@code byte[]}), {@code ZMsg} or a JSON type
     * @param json reads JSON types, or {@code null} without Jackson 3
     * @return the value
     * @throws Exception when the frames are not a value of that type
     */
    public static <T> T fromFrames(List<byte[]> frames, Class<T> type, JsonPayloadCodec json) throws Exception {
        byte[] last = frames.get(frames.size() - 1);
        Object value;
        if (type == byte[].class) {
            value = last;
        }
        else if (type == String.class) {
            value = new String(last, StandardCharsets.UTF_8);
        }
        else if (type == List.class) {
            value = List.copyOf(frames);
        }
        else if (type == ZMsg.class) {
            ZMsg msg = new ZMsg();
            frames.forEach(msg::add);
            value = msg;
        }
        else if (json != null) {
            value = json.decode(last, type);
        }
        else {
            throw new IllegalStateException("A " + type.getName() + " is read from JSON, but the application has no "
                    + "Jackson 3 (tools.jackson.core:jackson-databind)");
        }
        return type.cast(value);
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
