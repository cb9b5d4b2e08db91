package io.zmqstream.test;

import java.util.List;
import java.util.Map;

import org.zeromq.SocketType;

/**
 * Which socket types may talk to which (ZeroMQ's RFCs for each pattern), and the peer a test
 * wants by default for a stream of each type.
 */
final class PeerSocketTypes {

    /** For each stream type, the types that may talk to it, the default peer first. */
    private static final Map<SocketType, List<SocketType>> PEERS = Map.ofEntries(
            Map.entry(SocketType.PAIR, List.of(SocketType.PAIR)),
            Map.entry(SocketType.PUB, List.of(SocketType.SUB, SocketType.XSUB)),
            Map.entry(SocketType.XPUB, List.of(SocketType.SUB, SocketType.XSUB)),
            Map.entry(SocketType.SUB, List.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketType.XSUB, List.of(SocketType.XPUB, SocketType.PUB)),
            Map.entry(SocketType.REQ, List.of(SocketType.REP, SocketType.ROUTER)),
            Map.entry(SocketType.REP, List.of(SocketType.REQ, SocketType.DEALER)),
            Map.entry(SocketType.DEALER, List.of(SocketType.ROUTER, SocketType.DEALER, SocketType.REP)),
            Map.entry(SocketType.ROUTER, List.of(SocketType.DEALER, SocketType.REQ, SocketType.ROUTER)),
            Map.entry(SocketType.PUSH, List.of(SocketType.PULL)),
            Map.entry(SocketType.PULL, List.of(SocketType.PUSH)));

    private PeerSocketTypes() {
    }

    /**
     * The peer for a stream of the given type: the first of its compatible types, an XPUB for a
     * subscriber so that the peer sees the subscriptions arrive.
     */
    static SocketType peerOf(SocketType stream, String streamName) {
        return compatible(stream, streamName).get(0);
    }

    /** Refuses a peer type that cannot talk to the stream's. */
    static void requireCompatible(SocketType stream, SocketType peer, String streamName) {
        List<SocketType> compatible = compatible(stream, streamName);
        if (!compatible.contains(peer)) {
            throw new IllegalArgumentException("A " + peer + " peer cannot talk to stream '" + streamName + "', a "
                    + stream + " socket; its peers are " + compatible);
        }
    }

    private static List<SocketType> compatible(SocketType stream, String streamName) {
        List<SocketType> compatible = PEERS.get(stream);
        if (compatible == null) {
            throw new IllegalArgumentException("Stream '" + streamName + "' is a " + stream + " socket, which has no "
                    + "ZeroMQ peer (a STREAM socket talks raw TCP: test it with a java.net.Socket)");
        }
        return compatible;
    }
}
