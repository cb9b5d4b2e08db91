package io.zmqstream.patterns.majordomo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads a message's frames front to back, as a protocol lays them out: each {@code pop} takes the
 * next one, {@link #rest()} what is left.
 */
final class FrameReader {

    private final Deque<byte[]> frames;

    FrameReader(List<byte[]> frames) {
        this.frames = new ArrayDeque<>(frames);
    }

    /** The next frame; an empty one when none is left, which no protocol word equals. */
    byte[] pop() {
        byte[] next = frames.pollFirst();
        return next != null ? next : Mdp.EMPTY;
    }

    /** Whether the next frame is {@code expected}, taking it. */
    boolean popEquals(byte[] expected) {
        return Arrays.equals(pop(), expected);
    }

    /** The next frame as UTF-8 text. */
    String popString() {
        return new String(pop(), StandardCharsets.UTF_8);
    }

    /** The frames not yet taken. */
    List<byte[]> rest() {
        return List.copyOf(frames);
    }
}
