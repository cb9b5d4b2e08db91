package io.zmqstream;

import java.time.Instant;

import org.zeromq.ZMonitor;

/**
 * The connections of one endpoint of a stream, as its socket's monitor events tell them.
 *
 * @param endpoint the endpoint as JeroMQ reports it, such as {@code tcp://127.0.0.1:5555}
 * @param side whether the stream bound or connected to it
 * @param peers tcp connections open now
 * @param handshakenPeers those of them whose ZMTP handshake is done: the peers messages flow with
 * @param lastEvent the last event seen on the endpoint
 * @param lastEventTime when it was seen
 * @param connects connections made (connected or accepted)
 * @param disconnects connections lost
 * @param retries connection attempts that failed and will be retried
 * @param handshakeFailures handshakes that failed
 * @param handshakesHealed connections JeroMQ left stalled in their handshake that the stream healed
 */
public record EndpointConnections(String endpoint, Side side, int peers, int handshakenPeers,
        ZMonitor.Event lastEvent, Instant lastEventTime, long connects, long disconnects, long retries,
        long handshakeFailures, long handshakesHealed) {

    /** How the stream reaches an endpoint. */
    public enum Side {
        /** The stream bound to the endpoint; peers connect to it. */
        BIND,
        /** The stream connects to the endpoint. */
        CONNECT
    }
}
