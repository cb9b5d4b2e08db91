package io.zmqstream.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zeromq.ZMQ;

/**
 * One message a {@link ZmqTestPeer} received: its frames, in order.
 *
 * @param frames the frames, never empty
 */
public record ZmqTestMessage(List<byte[]> frames) {

    /**
     * A message of the given frames.
     *
     * @param frames the frames, never empty
     */
    public ZmqTestMessage {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("A message has at least one frame");
        }
    }

    /**
     * The number of frames.
     *
     * @return how many frames the message has
     */
    public int size() {
        return frames.size();
    }

    /**
     * One frame's bytes.
     *
     * @param index the frame's position, from 0
     * @return its bytes
     */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    /**
     * One frame as UTF-8 text.
     *
     * @param index the frame's position, from 0
     * @return its text
     */
    public String text(int index) {
        return new String(frames.get(index), StandardCharsets.UTF_8);
    }

    /**
     * Every frame as UTF-8 text.
     *
     * @return the texts, in order
     */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            texts.add(text(i));
        }
        return texts;
    }

    /**
     * The last frame as UTF-8 text: the payload of a message whose first frames are a topic or an envelope.
     *
     * @return the last frame's text
     */
    public String lastText() {
        return text(frames.size() - 1);
    }

    @Override
    public String toString() {
        return "ZmqTestMessage" + texts();
    }

    /** One message off {@code socket}, waiting at most {@code within}, or {@code null}. */
    static ZmqTestMessage read(ZMQ.Socket socket, Duration within) {
        socket.setReceiveTimeOut((int) Math.min(Integer.MAX_VALUE, within.toMillis()));
        byte[] first = socket.recv();
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv());
        }
        return new ZmqTestMessage(frames);
    }

    /** Texts as UTF-8 frames. */
    static byte[][] utf8(String... texts) {
        byte[][] frames = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            frames[i] = texts[i].getBytes(StandardCharsets.UTF_8);
        }
        return frames;
    }

    /** The frames behind an empty delimiter frame, as a REP socket wants them from a DEALER. */
    static byte[][] behindDelimiter(byte[][] frames) {
        byte[][] enveloped = new byte[frames.length + 1][];
        enveloped[0] = new byte[0];
        System.arraycopy(frames, 0, enveloped, 1, frames.length);
        return enveloped;
    }
}
