package io.zmqstream.interop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The JeroMQ side's hostile messages, as {@code fuzzer.py} makes pyzmq's: random bytes, invalid
 * UTF-8, malformed, huge and deeply nested JSON, empty frames and runs of empty delimiters, 1 to
 * 64 frames of up to 64 KiB, mostly small. Every {@code goodEvery}-th message is a good order.
 */
final class HostileMessages {

    private static final byte[] INVALID_UTF8 = { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE };
    private static final String BROKEN_JSON = "{\"id\": \"broken\", \"quantity\": ";
    private static final int[] DEPTHS = { 10, 100, 499, 501, 1000, 5000 };

    private final Random random;
    private final String source;
    private final int goodEvery;
    private int sent;
    private int good;

    HostileMessages(long seed, String source, int goodEvery) {
        this.random = new Random(seed);
        this.source = source;
        this.goodEvery = goodEvery;
    }

    /** The next message's frames. */
    List<byte[]> next() {
        sent++;
        if (sent % goodEvery == 0) {
            return List.of(goodOrder(source + "-" + good++));
        }
        List<byte[]> frames = new ArrayList<>();
        if (random.nextDouble() < 0.1) {
            for (int i = random.nextInt(8) + 1; i > 0; i--) {
                frames.add(new byte[0]);
            }
        }
        int count = random.nextDouble() < 0.8 ? 1 : random.nextInt(64) + 1;
        for (int i = 0; i < count; i++) {
            frames.add(frame());
        }
        return frames;
    }

    /** A good order with the given id, as the fuzzers write it. */
    static byte[] goodOrder(String id) {
        return ("{\"id\":\"" + id + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] frame() {
        return switch (random.nextInt(7)) {
            case 0 -> randomBytes(size());
            case 1 -> repeated(INVALID_UTF8, size() / 4 + 1);
            case 2 -> BROKEN_JSON.substring(0, random.nextInt(BROKEN_JSON.length()) + 1).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"id\":\"" + "x".repeat(size()) + "\",\"quantity\":1}").getBytes(StandardCharsets.UTF_8);
            case 4 -> nested(DEPTHS[random.nextInt(DEPTHS.length)]);
            case 5 -> new byte[0];
            default -> ("text " + random.nextInt(1_000_000_000)).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** Mostly small: 90 % up to 256 bytes, 9 % up to 1 KiB, 1 % up to 64 KiB. */
    private int size() {
        double roll = random.nextDouble();
        return random.nextInt((roll < 0.9 ? 256 : roll < 0.99 ? 1024 : 65536) + 1);
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] repeated(byte[] unit, int times) {
        byte[] bytes = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, bytes, i * unit.length, unit.length);
        }
        return bytes;
    }

    /** Objects in objects: a reader skips the unknown "n" of an order, but still counts its depth. */
    private static byte[] nested(int depth) {
        return ("{\"n\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }
}
