package io.zmqstream;

import java.time.Duration;

import io.zmqstream.internal.LogThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import zmq.Msg;
import zmq.msg.MsgAllocator;

/**
 * Keeps a frame whose announced length cannot be valid from reaching an allocation, on the I/O
 * thread of a stream's socket.
 *
 * <p>The defect (JeroMQ 0.6.0, fixed upstream by zeromq/jeromq pull request 1006, in no
 * {@code org.zeromq} release): {@code V2Decoder} reads a frame's 8-byte length as a signed
 * {@code long}; one with the top bit set, such as {@code 0xFFFFFFFFFFFFFFFF}, passes the
 * {@code ZMQ_MAXMSGSIZE} check (it is below it) and is handed, cast to an {@code int}, to the
 * socket's {@link MsgAllocator}. A negative size there throws {@code NegativeArraySizeException} on
 * the I/O thread, which from then on delivers nothing for any socket of the context: 21 bytes from
 * any peer that can reach a tcp endpoint.
 *
 * <p>The decoder asks the allocator first, so this guard sits there, in front of the socket's own
 * allocator: a negative size gets an empty <em>command</em> frame instead of an allocation. ZeroMQ
 * sessions drop command frames that are not part of a handshake ({@code SessionBase.pushMsg}), so
 * it never reaches the application; during the handshake, the mechanism refuses it and the peer is
 * disconnected. Each one is counted on the stream and logged at WARN at most once a minute. Sizes
 * of zero and more go to the socket's allocator unchanged, at the cost of one comparison.
 *
 * <p>On a PLAIN server's socket it also hands out the frames that could be HELLO commands as
 * {@link PlainHelloFrame}s, which keep a HELLO that would throw from JeroMQ's PLAIN handshake.
 *
 * <p>What it cannot see: a length with the top bit set whose low 32 bits are a small positive
 * number reaches the allocator as that number, so JeroMQ 0.6.0 reads such a frame as a small one;
 * it costs no more memory than that frame. {@code fr.loghub:jeromq} 0.7.0 refuses all of them.
 */
final class FrameLengthGuard implements MsgAllocator {

    private static final Logger log = LoggerFactory.getLogger(FrameLengthGuard.class);
    private static volatile boolean disabled;

    private final MsgAllocator allocator;
    private final ZMQStream stream;
    private final StreamStatistics statistics;
    private final LogThrottle warnings = new LogThrottle(Duration.ofMinutes(1));
    /** Whether the socket is a PLAIN server, whose HELLO commands are checked ({@link PlainHelloFrame}). */
    private final boolean plainServer;

    private FrameLengthGuard(MsgAllocator allocator, ZMQStream stream, StreamStatistics statistics, boolean plainServer) {
        this.allocator = allocator;
        this.stream = stream;
        this.statistics = statistics;
        this.plainServer = plainServer;
    }

    /**
     * Puts a guard in front of the socket's allocator; connections opened from now on use it.
     * Should this JeroMQ lack the API or refuse the guard, guarding turns itself off for good with
     * one log line.
     */
    static void guard(ZMQ.Socket socket, ZMQStream stream, StreamStatistics statistics) {
        if (disabled) {
            return;
        }
        try {
            Object current = socket.base().getSocketOptx(zmq.ZMQ.ZMQ_MSG_ALLOCATOR);
            if (current instanceof FrameLengthGuard) {
                return;
            }
            MsgAllocator allocator = current instanceof MsgAllocator own ? own : zmq.ZMQ.DEFAULT_MSG_ALLOCATOR;
            boolean plainServer = socket.getMechanism() == ZMQ.Socket.Mechanism.PLAIN && socket.getPlainServer();
            if (!socket.setMsgAllocator(new FrameLengthGuard(allocator, stream, statistics, plainServer))) {
                throw new IllegalStateException("the socket refused it (error " + socket.errno() + ")");
            }
        }
        catch (ZMQException ex) {
            // The context is terminating: the socket will take no connection to guard.
            log.debug("{}: not guarded, its socket failed", stream, ex);
        }
        catch (RuntimeException | LinkageError ex) {
            disabled = true;
            log.warn("Guarding streams against invalid frame lengths is off from now on: {}. On JeroMQ 0.6.0 a peer "
                    + "can then stop an I/O thread with one frame; use CURVE on endpoints strangers can reach",
                    ex.toString());
        }
    }

    /** Gives the socket back the allocator it had before {@link #guard}. */
    static void unguard(ZMQ.Socket socket) {
        if (!disabled && socket.base().getSocketOptx(zmq.ZMQ.ZMQ_MSG_ALLOCATOR) instanceof FrameLengthGuard guard) {
            socket.setMsgAllocator(guard.allocator);
        }
    }

    @Override
    public Msg allocate(int size) {
        if (plainServer && size >= 0 && size <= PlainHelloFrame.MAX_HELLO_SIZE) {
            return new PlainHelloFrame(size, this);
        }
        if (size >= 0) {
            return allocator.allocate(size);
        }
        statistics.recordInvalidFrame();
        warn(size);
        Msg dropped = new Msg(0);
        dropped.setFlags(Msg.COMMAND);
        return dropped;
    }

    /** A {@link PlainHelloFrame} kept a HELLO from JeroMQ's PLAIN handshake; on the I/O thread. */
    void refusedPlainHello() {
        statistics.recordInvalidFrame();
        if (warnings.pass()) {
            log.warn("{}: a peer sent a PLAIN HELLO that JeroMQ cannot read safely (a length of 128 or more, or one "
                    + "missing); it was refused and the peer disconnected. This is an attack on JeroMQ's PLAIN "
                    + "handshake or a client with a user name or password over 127 bytes", stream);
        }
        else {
            log.debug("{}: refused a PLAIN HELLO JeroMQ cannot read safely", stream);
        }
    }

    private void warn(int size) {
        if (warnings.pass()) {
            log.warn("{}: a peer sent a frame whose length cannot be valid (read as {}); it was dropped. This is an "
                    + "attack on JeroMQ 0.6.0's decoder or a broken peer: use CURVE or allowed addresses on endpoints "
                    + "strangers can reach", stream, size);
        }
        else {
            log.debug("{}: dropped a frame of invalid length {}", stream, size);
        }
    }
}
