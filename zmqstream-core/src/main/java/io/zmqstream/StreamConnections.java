package io.zmqstream;

import java.time.Duration;
import java.util.List;

/**
 * A stream's connections now: see {@link ZMQStream#getConnections()}.
 *
 * @param monitored whether the stream watches its connections; without it the rest is empty
 * @param peers tcp connections open now, all endpoints together
 * @param handshakenPeers those of them whose ZMTP handshake is done
 * @param withoutHandshakenPeer how long the stream has had no handshaken peer; zero while it has
 *        one, and while it has an unobserved endpoint, whose peers it cannot know
 * @param endpoints each endpoint seen in the socket's events, in the order first seen
 * @param unobservedEndpoints the stream's endpoints on a transport that reports no connections
 *        (inproc): their peers are in none of the counts
 */
public record StreamConnections(boolean monitored, int peers, int handshakenPeers, Duration withoutHandshakenPeer,
        List<EndpointConnections> endpoints, List<String> unobservedEndpoints) {

    /** What a stream that does not watch its connections shows. */
    static final StreamConnections UNMONITORED = new StreamConnections(false, 0, 0, Duration.ZERO, List.of(), List.of());
}
