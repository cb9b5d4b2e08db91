package io.zmqstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

import org.springframework.util.unit.DataSize;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Sets the socket options of {@code zmq.streams.<name>.*} on a new socket. Options left unset keep
 * ZeroMQ's defaults; an option ZeroMQ refuses fails with the property's name.
 */
final class SocketOptions {

    private final String prefix;
    private final ZMQ.Socket socket;

    private SocketOptions(String prefix, ZMQ.Socket socket) {
        this.prefix = prefix;
        this.socket = socket;
    }

    /**
     * Sets every option the stream's settings give.
     *
     * @param prefix the stream's property prefix, such as {@code zmq.streams.orders}
     * @param stream the stream's settings
     * @param socket a socket that has neither bound nor connected yet
     * @throws ZmqConfigurationException when ZeroMQ refuses a value
     */
    static void apply(String prefix, StreamSocketProperties stream, ZMQ.Socket socket) {
        SocketOptions options = new SocketOptions(prefix, socket);
        options.set("send-hwm", stream.getSendHwm(), socket::setSndHWM);
        options.set("receive-hwm", stream.getReceiveHwm(), socket::setRcvHWM);
        options.set("linger", lingerMillis(stream.getLinger()), socket::setLinger);
        options.set("identity", stream.getIdentity(), id -> socket.setIdentity(id.getBytes(StandardCharsets.UTF_8)));
        options.millis("reconnect-interval", stream.getReconnectInterval(), socket::setReconnectIVL);
        options.millis("reconnect-interval-max", stream.getReconnectIntervalMax(), socket::setReconnectIVLMax);
        options.set("max-message-size", stream.getMaxMessageSize(), size -> socket.setMaxMsgSize(size.toBytes()));
        options.millis("handshake-interval", stream.getHandshakeInterval(), socket::setHandshakeIvl);
        options.millis("heartbeat-interval", stream.getHeartbeatInterval(), socket::setHeartbeatIvl);
        options.millis("heartbeat-timeout", stream.getHeartbeatTimeout(), socket::setHeartbeatTimeout);
        options.millis("heartbeat-ttl", stream.getHeartbeatTtl(), socket::setHeartbeatTtl);
        // JeroMQ's ZMQ_IMMEDIATE means the opposite of libzmq's: true, its default, attaches a pipe to
        // a connection before it completes (zeromq/jeromq issue 448). The property means libzmq's.
        options.set("immediate", stream.getImmediate(), onlyCompleted -> socket.setImmediate(!onlyCompleted));
        options.set("conflate", stream.getConflate(), socket::setConflate);
        options.set("tcp-keepalive", stream.getTcpKeepalive(), on -> socket.setTCPKeepAlive(on ? 1 : 0));
        options.seconds("tcp-keepalive-idle", stream.getTcpKeepaliveIdle(), socket::setTCPKeepAliveIdle);
        options.seconds("tcp-keepalive-interval", stream.getTcpKeepaliveInterval(), socket::setTCPKeepAliveInterval);
        options.set("tcp-keepalive-count", stream.getTcpKeepaliveCount(), count -> socket.setTCPKeepAliveCount(count));
        options.bytes("send-buffer-size", stream.getSendBufferSize(), socket::setSendBufferSize);
        options.bytes("receive-buffer-size", stream.getReceiveBufferSize(), socket::setReceiveBufferSize);
        options.set("ipv6", stream.getIpv6(), socket::setIPv6);
        options.set("tos", stream.getTos(), socket::setTos);
        options.set("backlog", stream.getBacklog(), backlog -> socket.setBacklog(backlog));
        options.set("affinity", stream.getAffinity(), socket::setAffinity);
        options.typed("router-mandatory", stream.getRouterMandatory(), socket::setRouterMandatory, SocketType.ROUTER);
        options.typed("router-handover", stream.getRouterHandover(), socket::setRouterHandover, SocketType.ROUTER);
        options.typed("probe-router", stream.getProbeRouter(), socket::setProbeRouter, SocketType.ROUTER,
                SocketType.DEALER, SocketType.REQ);
        options.typed("req-relaxed", stream.getReqRelaxed(), socket::setReqRelaxed, SocketType.REQ);
        options.typed("req-correlate", stream.getReqCorrelate(), socket::setReqCorrelate, SocketType.REQ);
        options.typed("xpub-verbose", stream.getXpubVerbose(), socket::setXpubVerbose, SocketType.XPUB);
        options.typed("xpub-verboser", stream.getXpubVerboser(), socket::setXpubVerboser, SocketType.XPUB);
        options.typed("xpub-nodrop", stream.getXpubNodrop(), socket::setXpubNoDrop, SocketType.XPUB, SocketType.PUB);
        options.typed("xpub-manual", stream.getXpubManual(), socket::setXpubManual, SocketType.XPUB);
    }

    /** An option that only some socket types have: set on another, it fails start-up with the types that have it. */
    private void typed(String name, Boolean value, Predicate<Boolean> setter, SocketType... types) {
        if (value != null && !Arrays.asList(types).contains(socket.getSocketType())) {
            String property = prefix + "." + name;
            throw new ZmqConfigurationException(property, "is set on a " + socket.getSocketType() + " stream, but only "
                    + Arrays.toString(types) + " sockets have it",
                    "Remove " + property + ", or change the stream's type.");
        }
        set(name, value, setter);
    }

    /** ZeroMQ's linger: milliseconds, -1 for no limit. */
    private static Integer lingerMillis(Duration linger) {
        if (linger == null) {
            return null;
        }
        return linger.isNegative() ? -1 : (int) Math.min(Integer.MAX_VALUE, linger.toMillis());
    }

    private void millis(String name, Duration value, Predicate<Integer> setter) {
        set(name, value, duration -> setter.test(Math.toIntExact(duration.toMillis())));
    }

    /** TCP keep-alive times are whole seconds in ZeroMQ, as in the kernel. */
    private void seconds(String name, Duration value, Predicate<Long> setter) {
        set(name, value, duration -> setter.test(duration.toSeconds()));
    }

    private void bytes(String name, DataSize value, Predicate<Integer> setter) {
        set(name, value, size -> setter.test(Math.toIntExact(size.toBytes())));
    }

    private <T> void set(String name, T value, Predicate<T> setter) {
        if (value == null) {
            return;
        }
        String property = prefix + "." + name;
        boolean accepted;
        try {
            accepted = setter.test(value);
        }
        catch (RuntimeException ex) {
            throw refused(property, value, ex);
        }
        if (!accepted) {
            throw refused(property, value, null);
        }
    }

    private ZmqConfigurationException refused(String property, Object value, RuntimeException cause) {
        String reason = cause == null ? "" : " (" + describe(cause) + ")";
        return new ZmqConfigurationException(property,
                "ZeroMQ refused " + value + " for a " + socket.getSocketType() + " socket" + reason,
                "Change " + property + " to a value this socket type accepts, or remove it to keep ZeroMQ's default.",
                cause);
    }

    private static String describe(RuntimeException ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }
}
