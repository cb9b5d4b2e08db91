package io.zmqstream.test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The topics a SUB or XSUB peer probes a stream with, to learn that its subscriptions have reached
 * the stream: each probe a topic of its own under one prefix, which the peer never hands a test.
 */
final class SubscriptionProbe {

    private static final byte[] PREFIX = "zmqstream-test-probe-".getBytes(StandardCharsets.UTF_8);

    private SubscriptionProbe() {
    }

    /** A fresh probe topic, which no other probe and no application topic shares. */
    static byte[] newTopic() {
        byte[] id = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        byte[] probe = Arrays.copyOf(PREFIX, PREFIX.length + id.length);
        System.arraycopy(id, 0, probe, PREFIX.length, id.length);
        return probe;
    }

    /** Whether a message's first frame is a probe, this peer's or another's. */
    static boolean isProbe(byte[] firstFrame) {
        return firstFrame.length >= PREFIX.length && Arrays.equals(firstFrame, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }
}
