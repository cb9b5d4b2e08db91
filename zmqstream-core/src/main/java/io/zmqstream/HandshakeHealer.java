package io.zmqstream;

import java.time.Duration;

import io.zmqstream.internal.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import zmq.Ctx;
import zmq.SocketBase;

/**
 * Heals connections that JeroMQ 0.6.0 leaves stalled in their handshake.
 *
 * <p>The defect (zeromq/jeromq pull request 1022, open, in no release): a JeroMQ I/O thread retires
 * and registers its handles in one pass over its handle table, and a {@code SelectionKey} cancelled
 * in that pass is deregistered only by the next {@code select}. When a connecter's handle is retired
 * and the engine's handle for the same channel is added in the same pass, the engine keeps no live
 * key and never hears the peer's greeting: the connection sits silent until the handshake interval
 * (30 s by default) drops it. Any later pass that changes that I/O thread's handles registers the
 * engine afresh and heals it.
 *
 * <p>So healing makes such a pass happen on every I/O thread of the socket's context, through
 * JeroMQ's public API: a throwaway socket binds an ephemeral loopback port once per I/O thread, with
 * {@code ZMQ_AFFINITY} naming that thread, and closes at once. Nobody connects to those ports, no
 * peer sees anything, and no message or pipe of any other socket is touched. Should this stop
 * working with another JeroMQ (the API missing, or {@code ZMQ_AFFINITY} refused), healing turns
 * itself off for good with one log line. A failure that passes (the process out of file
 * descriptors or ports for a moment, the context closing) skips that one heal, logged at most once
 * a minute; the next stalled connection is healed again.
 */
final class HandshakeHealer {

    private static final Logger log = LoggerFactory.getLogger(HandshakeHealer.class);
    /** {@code ZMQ_AFFINITY} is a 64-bit mask: at most 64 I/O threads can be named. */
    private static final int MAX_AFFINITY_THREADS = 64;
    private static final LogThrottle SKIPPED_HEALS = new LogThrottle(Duration.ofMinutes(1));
    private static volatile boolean disabled;

    private HandshakeHealer() {
    }

    /**
     * Makes every I/O thread of the socket's context register its handles afresh.
     *
     * @param socket any socket of the context whose connections stall
     * @return {@code true} when every I/O thread was reached
     */
    static boolean heal(ZMQ.Socket socket) {
        if (disabled) {
            return false;
        }
        try {
            return healAll(socket.getCtx());
        }
        catch (LinkageError ex) {
            turnOff(ex.toString());
            return false;
        }
        catch (RuntimeException ex) {
            skipped(ex.toString());
            return false;
        }
    }

    private static boolean healAll(Ctx context) {
        SocketBase probe = context.createSocket(zmq.ZMQ.ZMQ_PAIR);
        if (probe == null) {
            // The context is terminating or out of sockets: nothing to heal now.
            return false;
        }
        try {
            int threads = Math.min(context.get(zmq.ZMQ.ZMQ_IO_THREADS), MAX_AFFINITY_THREADS);
            for (int thread = 0; thread < threads; thread++) {
                if (!probe.setSocketOpt(zmq.ZMQ.ZMQ_AFFINITY, 1L << thread)) {
                    turnOff("ZMQ_AFFINITY was refused (error " + probe.errno() + ")");
                    return false;
                }
                if (!probe.bind("tcp://127.0.0.1:*")) {
                    skipped("binding a loopback port was refused (error " + probe.errno() + ")");
                    return false;
                }
            }
            return true;
        }
        finally {
            probe.setSocketOpt(zmq.ZMQ.ZMQ_LINGER, 0);
            probe.close();
        }
    }

    private static void turnOff(String reason) {
        disabled = true;
        log.warn("Healing JeroMQ's stalled handshakes is off from now on: {}. Stalled connections wait for "
                + "their handshake interval to reconnect", reason);
    }

    private static void skipped(String reason) {
        if (SKIPPED_HEALS.pass()) {
            log.warn("Healing a stalled JeroMQ handshake was skipped this time: {}; the next stalled connection is "
                    + "healed again", reason);
        }
        else {
            log.debug("Healing a stalled JeroMQ handshake was skipped this time: {}", reason);
        }
    }
}
