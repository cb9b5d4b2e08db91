package io.zmqstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.channels.SelectableChannel;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import zmq.ZError;
import zmq.util.Errno;

/**
 * Tells the connections JeroMQ closed because the peer announced a message over the socket's
 * {@code ZMQ_MAXMSGSIZE}, counts them and warns once per peer host.
 *
 * <p>JeroMQ gives no reason with its {@code DISCONNECTED} event, but it emits that event on its
 * I/O thread straight after its decoder failed, and its {@code errno} is kept per thread: when the
 * event hook runs, that thread's {@code errno} is still {@code EMSGSIZE}. The hook reads it there
 * and clears it, so that a later disconnect on the same thread is not taken for one more.
 *
 * <p>At most {@value #MAX_WARNED_PEERS} peer hosts are remembered; past that, further peers are
 * logged at DEBUG, so that a stranger cycling addresses cannot grow the set.
 */
final class OversizePeers {

    private static final Logger log = LoggerFactory.getLogger(OversizePeers.class);
    private static final int MAX_WARNED_PEERS = 1024;
    private static final Errno IO_THREAD_ERRNO = new Errno();
    private static volatile boolean disabled;

    private final ZMQStream stream;
    private final StreamStatistics statistics;
    // Owned by the loop thread.
    private final Set<String> warned = new HashSet<>();

    OversizePeers(ZMQStream stream, StreamStatistics statistics) {
        this.stream = stream;
        this.statistics = statistics;
    }

    /**
     * On the I/O thread that emitted a {@code DISCONNECTED} event: whether the decoder's size check
     * caused it. Clears that thread's {@code errno} when it did.
     */
    static boolean causedDisconnect(ZMQ.Socket socket) {
        if (disabled) {
            return false;
        }
        try {
            if (socket.errno() != ZError.EMSGSIZE) {
                return false;
            }
            IO_THREAD_ERRNO.set(0);
            return true;
        }
        catch (RuntimeException | LinkageError ex) {
            disabled = true;
            log.warn("Telling peers dropped for their message size is off from now on: {}", ex.toString());
            return false;
        }
    }

    /** The peer's address while its channel is still open, on the I/O thread. */
    static String peerOf(SelectableChannel channel) {
        if (channel instanceof SocketChannel network) {
            try {
                SocketAddress remote = network.getRemoteAddress();
                if (remote instanceof InetSocketAddress inet) {
                    return inet.getAddress().getHostAddress();
                }
                if (remote != null) {
                    return remote.toString();
                }
            }
            catch (IOException | RuntimeException ex) {
                log.trace("The address of a closed connection is gone", ex);
            }
        }
        return "an unknown peer";
    }

    /** On the loop thread: counts the peer and warns of it the first time, unless the stream closed meanwhile. */
    void disconnected(String peer) {
        if (stream.isClosed()) {
            return;
        }
        statistics.recordOversizePeer();
        long limit = stream.getSocket().getMaxMsgSize();
        String property = stream.maxMessageSizeProperty();
        String setting = property != null ? property : "the socket's ZMQ_MAXMSGSIZE";
        if (warned.size() < MAX_WARNED_PEERS && warned.add(peer)) {
            log.warn("{}: disconnected {}, which sent a message over the {} bytes of {}. If the peer is trusted and its "
                    + "messages are that large, raise {} (-1 lifts the bound; only for peers that CURVE or allowed "
                    + "addresses let in); otherwise someone is trying to exhaust this service's memory", stream, peer,
                    limit, setting, setting);
        }
        else {
            log.debug("{}: disconnected {} again for a message over {} bytes", stream, peer, limit);
        }
    }
}
