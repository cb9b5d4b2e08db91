package io.zmqstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message as a ROUTER received it, split into its routing envelope and its body, for a broker
 * that relays between ROUTER sockets: a worker's reply for a client comes with the worker's
 * envelope, and behind it, in the body, the client's envelope and the reply itself, which
 * {@link #inner()} splits off in turn.
 *
 * @param envelope the peer's routing frames
 * @param body the frames after them, unmodifiable
 */
public record RoutedMessage(RoutingEnvelope envelope, List<byte[]> body) {

    /**
     * Checks the parts and keeps an unmodifiable copy of the body's list.
     *
     * @param envelope the peer's routing frames
     * @param body the frames after them
     */
    public RoutedMessage {
        if (envelope == null) {
            throw new IllegalArgumentException("A routed message has an envelope");
        }
        body = List.copyOf(body);
    }

    /**
     * Splits a message a ROUTER received as {@link RoutingEnvelope#sizeIn(List)} says.
     *
     * @param frames the message's frames, the peer's identity first
     * @return the message, split
     * @throws IllegalArgumentException when there are no frames
     */
    public static RoutedMessage split(List<byte[]> frames) {
        int envelope = RoutingEnvelope.sizeIn(frames);
        return new RoutedMessage(RoutingEnvelope.of(frames.subList(0, envelope)), frames.subList(envelope, frames.size()));
    }

    /**
     * The message the body holds when it is itself routed, an address and a delimiter in front of
     * its last frame: what a worker sends back for the client its broker named.
     *
     * @return the body, split in turn; empty when the body has no envelope of its own
     */
    public Optional<RoutedMessage> inner() {
        for (int i = 1; i < body.size() - 1; i++) {
            if (body.get(i).length == 0) {
                return Optional.of(split(body));
            }
        }
        return Optional.empty();
    }

    /**
     * The same envelope with another body: a reply to the peer that sent this message.
     *
     * @param reply the reply's frames
     * @return the reply, routed as this message was
     */
    public RoutedMessage withBody(List<byte[]> reply) {
        return new RoutedMessage(envelope, reply);
    }

    /**
     * The whole message: the envelope's frames, then the body's; what a broker relays behind the
     * envelope of the next peer.
     *
     * @return the frames, a new list
     */
    public List<byte[]> frames() {
        List<byte[]> frames = new ArrayList<>(envelope.frames().size() + body.size());
        frames.addAll(envelope.frames());
        frames.addAll(body);
        return frames;
    }
}
