package io.zmqstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * What a stream puts on its socket and takes off again: its claim (one open stream per socket),
 * the frame length guard, a ZAP domain when the socket has none, and the connection monitor on the
 * socket's event hook.
 *
 * <p>With a ZAP domain, JeroMQ refuses peers older than ZMTP 3.0; without it, it reads any bytes
 * whose first one is not {@code 0xFF} as ZMTP 1.0 frames and delivers them as messages, so that a
 * stranger's garbage (an HTTP request, a port scan) would reach the application. Every ZeroMQ of
 * the last ten years speaks ZMTP 3. Where a ZAP handler runs, it is asked about NULL-mechanism
 * peers of this domain too.
 */
final class StreamSocketGuard {

    private static final Logger log = LoggerFactory.getLogger(ZMQStream.class);
    private static final Set<ZMQ.Socket> SOCKETS_WITH_STREAMS = ConcurrentHashMap.newKeySet();

    private final ZMQStream stream;
    /** Replaced only by {@link #replace}, on the socket's owner. */
    private ZMQ.Socket socket;
    private final StreamStatistics statistics;
    private volatile ConnectionMonitor connectionMonitor;
    /** The monitor's healing setting, which a replaced socket's new monitor takes over; {@code null}: its default. */
    private volatile Duration healAfter;

    StreamSocketGuard(ZMQStream stream, ZMQ.Socket socket, StreamStatistics statistics) {
        this.stream = stream;
        this.socket = socket;
        this.statistics = statistics;
    }

    /**
     * Claims the socket for the stream and guards it; the socket must not be driven by a loop yet.
     *
     * @throws IllegalStateException when another open stream owns the socket
     */
    void claim() {
        claim(true);
    }

    /** Claims and guards the socket; with {@code monitored}, hooks a connection monitor on it too. */
    private void claim(boolean monitored) {
        if (!SOCKETS_WITH_STREAMS.add(socket)) {
            throw new IllegalStateException("Socket " + socket + " already has an open ZMQStream; "
                    + "close that stream before creating another on the same socket");
        }
        try {
            FrameLengthGuard.guard(socket, stream, statistics);
            String domain = socket.getZapDomain();
            if ((domain == null || domain.isEmpty()) && !socket.setZapDomain(ZMQStream.DEFAULT_ZAP_DOMAIN)) {
                log.warn("{}: the socket refused a ZAP domain (error {}), so it accepts ZMTP 1.0 peers", stream,
                        socket.errno());
            }
            if (monitored) {
                hookConnectionMonitor();
            }
        }
        catch (RuntimeException | Error ex) {
            release(ex);
            throw ex;
        }
    }

    private void hookConnectionMonitor() {
        ConnectionMonitor monitor = new ConnectionMonitor(stream, statistics);
        try {
            if (socket.setEventHook(monitor, ZMQ.EVENT_ALL)) {
                connectionMonitor = monitor;
                return;
            }
            log.debug("{}: the socket refused the connection monitor (error {})", stream, socket.errno());
        }
        catch (IllegalStateException ex) {
            log.info("{}: the socket has a monitor of its own, so the stream does not watch its connections: it heals "
                    + "no stalled handshake and tells no peer dropped for its message size", stream);
        }
    }

    /**
     * Takes everything off the socket again and frees it for another stream: the stream was
     * refused, for {@code refusal}, which collects what failed on the way.
     */
    void release(Throwable refusal) {
        stopMonitoring();
        try {
            FrameLengthGuard.unguard(socket);
        }
        catch (RuntimeException ex) {
            refusal.addSuppressed(ex);
        }
        SOCKETS_WITH_STREAMS.remove(socket);
    }

    boolean isMonitoring() {
        return connectionMonitor != null;
    }

    /** The connections now; empty (not monitored) when the stream does not watch them. */
    StreamConnections connections() {
        ConnectionMonitor monitor = connectionMonitor;
        return monitor == null ? StreamConnections.UNMONITORED : monitor.snapshot();
    }

    /**
     * Sets how long a connection may wait for its handshake before it is healed; zero turns healing off.
     *
     * @throws IllegalArgumentException when {@code healAfter} is negative
     */
    void healAfter(Duration healAfter) {
        if (healAfter.isNegative()) {
            throw new IllegalArgumentException("healAfter must not be negative, was " + healAfter);
        }
        this.healAfter = healAfter;
        ConnectionMonitor monitor = connectionMonitor;
        if (monitor != null) {
            monitor.healAfter(healAfter);
        }
    }

    /** Stops the connection monitor and takes it off the socket's event hook; on the socket's owner. */
    void stopMonitoring() {
        unhookConnectionMonitor();
        connectionMonitor = null;
    }

    private void unhookConnectionMonitor() {
        ConnectionMonitor monitor = connectionMonitor;
        if (monitor == null) {
            return;
        }
        monitor.stop();
        try {
            socket.setEventHook(null, 0);
        }
        catch (RuntimeException ex) {
            log.debug("Removing the monitor of {} failed", stream, ex);
        }
    }

    /**
     * Claims and guards a new socket for the stream, then closes the old one at once (linger 0) and
     * frees it; on the socket's owner. A stream that watched its connections watches the new
     * socket's with a monitor of its own, with the old one's healing setting, and no peer is counted
     * as handshaken until it reports one; one that did not watch them does not start to.
     *
     * @throws IllegalStateException when another open stream owns the new socket; the old one is
     *         then kept as it was
     */
    void replace(ZMQ.Socket fresh) {
        ZMQ.Socket old = socket;
        ConnectionMonitor oldMonitor = connectionMonitor;
        socket = fresh;
        // A refused claim takes off what it put on: nothing of the old socket's.
        connectionMonitor = null;
        try {
            claim(oldMonitor != null);
        }
        catch (RuntimeException | Error ex) {
            socket = old;
            connectionMonitor = oldMonitor;
            throw ex;
        }
        if (oldMonitor != null) {
            oldMonitor.stop();
            try {
                old.setEventHook(null, 0);
            }
            catch (RuntimeException ex) {
                log.debug("Removing the monitor of the replaced socket of {} failed", stream, ex);
            }
        }
        Duration heal = healAfter;
        if (heal != null) {
            healAfter(heal);
        }
        statistics.recordHandshakenPeers(0);
        try {
            old.setLinger(0);
            old.close();
        }
        catch (RuntimeException ex) {
            log.debug("Closing the replaced socket of {} failed", stream, ex);
        }
        SOCKETS_WITH_STREAMS.remove(old);
    }

    /**
     * Closes the socket, whose stream is done with it, and frees the claim; on the socket's owner.
     * The monitor stops but stays readable, so the closed stream still tells its last connections.
     */
    void closeSocket() {
        unhookConnectionMonitor();
        try {
            socket.close();
        }
        catch (RuntimeException ex) {
            log.debug("Closing the socket of {} failed", stream, ex);
        }
        SOCKETS_WITH_STREAMS.remove(socket);
    }
}
