package io.zmqstream.listener;

import java.util.List;

/**
 * The routing frames a ROUTER stream received in front of a message's body: the peer's identity
 * and, for requests from REQ peers or through proxies, every frame up to the empty delimiter. A
 * {@link ZmqListener} method may declare it as a parameter; replies get it put back in front.
 */
public final class RoutingEnvelope {

    private final List<byte[]> frames;

    RoutingEnvelope(List<byte[]> frames) {
        this.frames = frames;
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

    @Override
    public String toString() {
        return "RoutingEnvelope[" + frames.size() + " frames]";
    }
}
