package io.zmqstream;

import java.time.Duration;
import java.util.List;

/**
 * A stream's connections now: see {@link ZMQStream#getConnections()}.
 *
 * @param monitored whether the stream watches its connections; without it the rest is empty
 * @param peers tcp connections open now, all endpoints together
 * @param handshakenPeers those of them whose ZMTP handshake is done
 * @param withoutHandshakenPeer how long the stream has had no handshaken peer; zero while it has one
 * @param endpoints each endpoint seen in the socket's events, in the order first seen
 */
public record StreamConnections(boolean monitored, int peers, int handshakenPeers, Duration withoutHandshakenPeer,
        List<EndpointConnections> endpoints) {

    /** What a stream that does not watch its connections shows. */
    static final StreamConnections UNMONITORED = new StreamConnections(false, 0, 0, Duration.ZERO, List.of());
}
