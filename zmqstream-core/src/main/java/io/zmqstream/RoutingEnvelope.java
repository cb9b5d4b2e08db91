package io.zmqstream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The routing frames in front of a message on a ROUTER socket: the peer's identity and, for
 * requests from REQ peers or through proxies, every frame up to the empty delimiter. Sending a
 * message behind it ({@link ZMQStream#sendTo(RoutingEnvelope, List)}) reaches the peer it came from,
 * now or later, from any thread; envelopes with the same frames are equal, so they can be kept in
 * sets and maps (of ready workers, of requests waiting).
 *
 * <p>Immutable. The frames' arrays are the received ones, not copied: do not change them.
 */
public final class RoutingEnvelope {

    private static final byte[] DELIMITER = new byte[0];

    private final List<byte[]> frames;

    private RoutingEnvelope(List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("A routing envelope holds at least the peer's identity");
        }
        this.frames = frames;
    }

    /**
     * The envelope of a peer that sends no delimiter (a DEALER or a ROUTER): its identity alone.
     *
     * @param identity the peer's routing id
     * @return the envelope
     */
    public static RoutingEnvelope of(byte[] identity) {
        return new RoutingEnvelope(List.of(identity));
    }

    /**
     * The envelope of a REQ peer: its identity and the empty delimiter its socket expects.
     *
     * @param identity the peer's routing id
     * @return the envelope
     */
    public static RoutingEnvelope ofRequester(byte[] identity) {
        return new RoutingEnvelope(List.of(identity, DELIMITER));
    }

    /**
     * An envelope of the given frames, as they were received.
     *
     * @param frames the identity first, then any further addresses and delimiter
     * @return the envelope
     * @throws IllegalArgumentException when there are no frames
     */
    public static RoutingEnvelope of(List<byte[]> frames) {
        return new RoutingEnvelope(List.copyOf(frames));
    }

    /**
     * How many of a message's frames, as a ROUTER received it, are its envelope: the identity, and
     * every frame up to the first empty delimiter that is not the message's last frame.
     *
     * @param message the frames as received
     * @return the envelope's frames; 0 for an empty message
     */
    public static int sizeIn(List<byte[]> message) {
        for (int i = 1; i < message.size() - 1; i++) {
            if (message.get(i).length == 0) {
                return i + 1;
            }
        }
        return Math.min(1, message.size());
    }

    /**
     * The envelope's frames, the peer's identity first.
     *
     * @return the frames, unmodifiable
     */
    public List<byte[]> frames() {
        return frames;
    }

    /**
     * The identity of the peer that sent the message: the envelope's first frame.
     *
     * @return the identity's bytes
     */
    public byte[] identity() {
        return frames.get(0);
    }

    /**
     * The envelope behind the first address: what a peer that relays for others (a DEALER worker of
     * a queue) put after its own identity, such as its client's envelope.
     *
     * @return the frames after the identity, its delimiter left out when one follows it; empty when
     *         there are none
     */
    public Optional<RoutingEnvelope> inner() {
        int from = frames.size() > 1 && frames.get(1).length == 0 ? 2 : 1;
        return from >= frames.size() ? Optional.empty()
                : Optional.of(new RoutingEnvelope(frames.subList(from, frames.size())));
    }

    /**
     * This envelope, then another: the frames of a message relayed to this peer for the other one,
     * as a load-balancing broker sends a client's request to a worker.
     *
     * @param inner the envelope the peer is to answer with
     * @return the two envelopes' frames, this one's first
     */
    public RoutingEnvelope followedBy(RoutingEnvelope inner) {
        List<byte[]> both = new ArrayList<>(frames.size() + inner.frames.size());
        both.addAll(frames);
        both.addAll(inner.frames);
        return new RoutingEnvelope(List.copyOf(both));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RoutingEnvelope envelope) || envelope.frames.size() != frames.size()) {
            return false;
        }
        for (int i = 0; i < frames.size(); i++) {
            if (!Arrays.equals(frames.get(i), envelope.frames.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (byte[] frame : frames) {
            hash = 31 * hash + Arrays.hashCode(frame);
        }
        return hash;
    }

    /** The identity as text when it is printable, otherwise in hex, and the envelope's size. */
    @Override
    public String toString() {
        return "RoutingEnvelope[" + printable(identity()) + ", " + frames.size() + " frames]";
    }

    private static String printable(byte[] identity) {
        for (byte b : identity) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(identity);
            }
        }
        return new String(identity, StandardCharsets.US_ASCII);
    }
}
