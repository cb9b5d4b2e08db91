package io.zmqstream.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.zmqstream.ZMQStream;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Makes {@link ZmqTestPeer}s for streams under test, and closes them: by a stream's name in a
 * Spring test (see {@code io.zmqstream.test.context}), or for any {@link ZMQStream} in plain Java.
 *
 * <p>A peer gets the socket type that talks to its stream (PUSH for a PULL, DEALER for a ROUTER,
 * REQ for a REP, SUB for a PUB, XPUB for a SUB, ...), unless asked for another that can. It
 * connects to the stream's first bound endpoint, a wildcard port resolved, or binds the first
 * endpoint the stream connects to; it lives on the context of the stream's loop, so that
 * {@code inproc://} works. A peer is owned by the thread that asked for it.
 */
public class ZmqTestPeers implements AutoCloseable {

    /** How long a peer's sends and expectations wait unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The handshake interval of every peer. JeroMQ 0.6.0 leaves a few fresh tcp connections in a
     * hundred stalled in their handshake (its connect race, zeromq/jeromq pull request 1022) until
     * that interval, 30 s by default, drops and retries them; a stream heals its own connections,
     * a raw socket cannot, so a peer gets a short interval instead.
     */
    public static final Duration HANDSHAKE_INTERVAL = Duration.ofSeconds(1);

    private final Function<String, ZMQStream> streams;
    private final PeerJson json;
    private final Duration timeout;
    private final List<ZmqTestPeer> open = new CopyOnWriteArrayList<>();

    /** Peers for streams given by reference, with Jackson 3 for JSON and the {@linkplain #DEFAULT_TIMEOUT default timeout}. */
    public ZmqTestPeers() {
        this(name -> {
            throw new IllegalArgumentException("No stream named '" + name + "': these peers are for streams given "
                    + "by reference, peer(stream)");
        }, null, DEFAULT_TIMEOUT);
    }

    /**
     * Peers for streams found by name.
     *
     * @param streams finds a stream by its name; throws {@link IllegalArgumentException} for an unknown one
     * @param json how peers write and read JSON, {@code null} for Jackson 3's shared mapper
     * @param timeout how long sends and expectations wait
     */
    public ZmqTestPeers(Function<String, ZMQStream> streams, PeerJson json, Duration timeout) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.json = json;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * A peer of the named stream, of the socket type that talks to it.
     *
     * @param streamName the stream's name ({@code zmq.streams} key in a Spring application)
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(String streamName) {
        return peer(streams.apply(streamName));
    }

    /**
     * A peer of the named stream, of the given socket type.
     *
     * @param streamName the stream's name
     * @param type a socket type that can talk to the stream's
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(String streamName, SocketType type) {
        return peer(streams.apply(streamName), type);
    }

    /**
     * A peer of the named stream, of the given socket type, with a routing identity: the one a
     * ROUTER stream sees it by.
     *
     * @param streamName the stream's name
     * @param type a socket type that can talk to the stream's
     * @param identity the peer's routing identity, in UTF-8
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(String streamName, SocketType type, String identity) {
        return peer(streams.apply(streamName), type, identity);
    }

    /**
     * A peer of the stream, of the socket type that talks to it.
     *
     * @param stream the stream, bound or connected
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(ZMQStream stream) {
        return peer(stream, PeerSocketTypes.peerOf(stream.getSocketType(), stream.getName()));
    }

    /**
     * A peer of the stream, of the given socket type.
     *
     * @param stream the stream, bound or connected
     * @param type a socket type that can talk to the stream's
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(ZMQStream stream, SocketType type) {
        return peer(stream, type, null);
    }

    /**
     * A peer of the stream, of the given socket type, with a routing identity unless {@code null}.
     *
     * @param stream the stream, bound or connected
     * @param type a socket type that can talk to the stream's
     * @param identity the peer's routing identity, in UTF-8; {@code null} for one ZeroMQ makes up
     * @return the peer, connected or bound
     */
    public ZmqTestPeer peer(ZMQStream stream, SocketType type, String identity) {
        PeerSocketTypes.requireCompatible(stream.getSocketType(), type, stream.getName());
        ZMQ.Socket socket = stream.getIoLoop().getContext().createSocket(type);
        try {
            if (identity != null) {
                socket.setIdentity(identity.getBytes(StandardCharsets.UTF_8));
            }
            socket.setLinger(0);
            socket.setSendTimeOut((int) timeout.toMillis());
            socket.setHandshakeIvl((int) HANDSHAKE_INTERVAL.toMillis());
            String endpoint = attach(socket, stream);
            ZmqTestPeer peer = new ZmqTestPeer(stream, socket, type, endpoint, json, timeout, open::remove);
            open.add(peer);
            return peer;
        }
        catch (RuntimeException | Error ex) {
            socket.close();
            throw ex;
        }
    }

    /** Closes every peer made and not closed yet, on the thread that made them. */
    @Override
    public void close() {
        for (ZmqTestPeer peer : open) {
            peer.close();
        }
    }

    /** Connects to the stream's first bound endpoint, or binds the first it connects to. */
    private static String attach(ZMQ.Socket socket, ZMQStream stream) {
        List<String> bound = stream.getBoundEndpoints();
        if (!bound.isEmpty()) {
            socket.connect(bound.get(0));
            return bound.get(0);
        }
        List<String> connected = stream.getConnectedEndpoints();
        if (connected.isEmpty()) {
            throw new IllegalStateException("Stream '" + stream.getName() + "' neither binds nor connects yet, so a "
                    + "peer cannot reach it");
        }
        socket.bind(connected.get(0));
        return connected.get(0);
    }
}
