package io.zmqstream.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The subscriptions an XPUB peer has seen arrive from the stream under test, so that it publishes
 * a message only once a subscription matches it: no slow joiner loses the first messages.
 */
final class PeerSubscriptions {

    private final List<byte[]> topics = new ArrayList<>();

    /** Takes in one message an XPUB socket received: a subscribe (1) or unsubscribe (0) byte, then the topic. */
    void take(ZmqTestMessage message) {
        byte[] frame = message.frame(0);
        if (frame.length == 0 || (frame[0] != 0 && frame[0] != 1)) {
            return;
        }
        byte[] topic = Arrays.copyOfRange(frame, 1, frame.length);
        if (frame[0] == 1) {
            topics.add(topic);
        }
        else {
            topics.removeIf(subscribed -> Arrays.equals(subscribed, topic));
        }
    }

    /** Whether a message whose first frame is {@code topic} reaches the subscriber. */
    boolean covers(byte[] topic) {
        for (byte[] subscribed : topics) {
            if (subscribed.length <= topic.length && Arrays.equals(subscribed, 0, subscribed.length, topic, 0,
                    subscribed.length)) {
                return true;
            }
        }
        return false;
    }

    /** What an XSUB socket sends to subscribe to, or unsubscribe from, {@code topic}. */
    static byte[] message(byte[] topic, boolean subscribe) {
        byte[] message = new byte[topic.length + 1];
        message[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(topic, 0, message, 1, topic.length);
        return message;
    }
}
