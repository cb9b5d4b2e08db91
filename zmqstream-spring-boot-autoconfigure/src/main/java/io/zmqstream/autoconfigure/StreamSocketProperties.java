package io.zmqstream.autoconfigure;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * The socket options of one stream, under {@code zmq.streams.<name>.}: every option JeroMQ has that
 * a stream's socket can use (those of some socket types only in {@link SocketTypeProperties}), each
 * set before the socket binds or connects; unset ones keep ZeroMQ's defaults. The options no property offers (PGM's, the blocking time-outs, and the
 * programmatic ones such as a socket's encoder) are in the README, with what to use instead.
 */
public class StreamSocketProperties extends SocketTypeProperties {

    /**
     * The default {@code max-message-size}: 1 MiB, above the messages most services send and
     * small enough that a few hundred hostile connections, each holding one announced frame,
     * cannot exhaust a JVM's direct memory.
     */
    public static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(1);

    /**
     * Send high-water mark: most messages ZeroMQ queues per peer before sends wait in the
     * stream's send queue.
     */
    private Integer sendHwm;

    /**
     * Receive high-water mark: most messages ZeroMQ queues per peer before it stops reading.
     */
    private Integer receiveHwm;

    /**
     * How long closing the stream, at the latest when the application stops, may take to send
     * what is still queued. Zero drops it at once; a negative value waits without limit.
     */
    private Duration linger = Duration.ofSeconds(1);

    /**
     * Routing id (ZMQ_IDENTITY) of the socket, as UTF-8, as ROUTER peers see it.
     */
    private String identity;

    /**
     * Wait before reconnecting a lost connection.
     */
    private Duration reconnectInterval;

    /**
     * Longest wait between reconnection attempts; each retry doubles the wait up to this. Zero
     * keeps the reconnect interval.
     */
    private Duration reconnectIntervalMax;

    /**
     * Largest inbound frame accepted; a peer announcing a larger one is disconnected before
     * its body is read. A peer can make JeroMQ allocate up to this much per connection with a
     * 9-byte header, so raise it only as far as the largest real message; -1 lifts the bound,
     * for peers that CURVE or allowed addresses let in only.
     */
    private DataSize maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

    /**
     * Longest time a new connection may take to complete its ZMTP (and CURVE) handshake before
     * it is dropped and retried; ZeroMQ's default is 30 seconds.
     */
    private Duration handshakeInterval;

    /**
     * Interval between ZMTP heartbeats (PING) on each connection; unset sends none.
     */
    private Duration heartbeatInterval;

    /**
     * How long to wait for any traffic after a heartbeat before the connection is considered
     * dead.
     */
    private Duration heartbeatTimeout;

    /**
     * Time-to-live announced to peers with each heartbeat: a peer that hears nothing for this
     * long drops the connection.
     */
    private Duration heartbeatTtl;

    /**
     * Whether messages are queued only to completed connections: libzmq's ZMQ_IMMEDIATE (JeroMQ's
     * own option of that name means the opposite, and is set accordingly). With it, messages for
     * a peer that is not connected wait in the stream's send queue, where closing reports them.
     */
    private Boolean immediate;

    /**
     * Whether only the newest message is kept in the queues (ZMQ_CONFLATE); single-frame
     * messages only.
     */
    private Boolean conflate;

    /**
     * Whether TCP keep-alive is on for the socket's connections; unset keeps the operating
     * system's default.
     */
    private Boolean tcpKeepalive;

    /**
     * Idle time before the first TCP keep-alive probe.
     */
    private Duration tcpKeepaliveIdle;

    /**
     * Interval between TCP keep-alive probes.
     */
    private Duration tcpKeepaliveInterval;

    /**
     * Unanswered TCP keep-alive probes before the connection is dropped.
     */
    private Integer tcpKeepaliveCount;

    /**
     * Kernel send buffer size of the socket's connections (SO_SNDBUF); unset keeps the
     * operating system's default.
     */
    private DataSize sendBufferSize;

    /**
     * Kernel receive buffer size of the socket's connections (SO_RCVBUF); unset keeps the
     * operating system's default.
     */
    private DataSize receiveBufferSize;

    /**
     * Whether tcp endpoints may be IPv6 (ZMQ_IPV6): an IPv6 address to bind or connect to, or a
     * host name that resolves to one. Unset, ZeroMQ's default: IPv4 only.
     */
    private Boolean ipv6;

    /**
     * IP type of service (ZMQ_TOS) of the socket's tcp connections, such as 16 (0x10) for low delay.
     */
    private Integer tos;

    /**
     * Most connections a bound socket's listener queues before it accepts them (ZMQ_BACKLOG).
     */
    private Integer backlog;

    /**
     * Which of the context's I/O threads the socket's new connections use, as a bit mask
     * (ZMQ_AFFINITY); 0, ZeroMQ's default, lets ZeroMQ choose.
     */
    private Long affinity;

    public Integer getSendHwm() {
        return this.sendHwm;
    }

    public void setSendHwm(Integer sendHwm) {
        this.sendHwm = sendHwm;
    }

    public Integer getReceiveHwm() {
        return this.receiveHwm;
    }

    public void setReceiveHwm(Integer receiveHwm) {
        this.receiveHwm = receiveHwm;
    }

    public Duration getLinger() {
        return this.linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }

    public String getIdentity() {
        return this.identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public Duration getReconnectInterval() {
        return this.reconnectInterval;
    }

    public void setReconnectInterval(Duration reconnectInterval) {
        this.reconnectInterval = reconnectInterval;
    }

    public Duration getReconnectIntervalMax() {
        return this.reconnectIntervalMax;
    }

    public void setReconnectIntervalMax(Duration reconnectIntervalMax) {
        this.reconnectIntervalMax = reconnectIntervalMax;
    }

    public DataSize getMaxMessageSize() {
        return this.maxMessageSize;
    }

    public void setMaxMessageSize(DataSize maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Duration getHandshakeInterval() {
        return this.handshakeInterval;
    }

    public void setHandshakeInterval(Duration handshakeInterval) {
        this.handshakeInterval = handshakeInterval;
    }

    public Duration getHeartbeatInterval() {
        return this.heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getHeartbeatTimeout() {
        return this.heartbeatTimeout;
    }

    public void setHeartbeatTimeout(Duration heartbeatTimeout) {
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public Duration getHeartbeatTtl() {
        return this.heartbeatTtl;
    }

    public void setHeartbeatTtl(Duration heartbeatTtl) {
        this.heartbeatTtl = heartbeatTtl;
    }

    public Boolean getImmediate() {
        return this.immediate;
    }

    public void setImmediate(Boolean immediate) {
        this.immediate = immediate;
    }

    public Boolean getConflate() {
        return this.conflate;
    }

    public void setConflate(Boolean conflate) {
        this.conflate = conflate;
    }

    public Boolean getTcpKeepalive() {
        return this.tcpKeepalive;
    }

    public void setTcpKeepalive(Boolean tcpKeepalive) {
        this.tcpKeepalive = tcpKeepalive;
    }

    public Duration getTcpKeepaliveIdle() {
        return this.tcpKeepaliveIdle;
    }

    public void setTcpKeepaliveIdle(Duration tcpKeepaliveIdle) {
        this.tcpKeepaliveIdle = tcpKeepaliveIdle;
    }

    public Duration getTcpKeepaliveInterval() {
        return this.tcpKeepaliveInterval;
    }

    public void setTcpKeepaliveInterval(Duration tcpKeepaliveInterval) {
        this.tcpKeepaliveInterval = tcpKeepaliveInterval;
    }

    public Integer getTcpKeepaliveCount() {
        return this.tcpKeepaliveCount;
    }

    public void setTcpKeepaliveCount(Integer tcpKeepaliveCount) {
        this.tcpKeepaliveCount = tcpKeepaliveCount;
    }

    public DataSize getSendBufferSize() {
        return this.sendBufferSize;
    }

    public void setSendBufferSize(DataSize sendBufferSize) {
        this.sendBufferSize = sendBufferSize;
    }

    public DataSize getReceiveBufferSize() {
        return this.receiveBufferSize;
    }

    public void setReceiveBufferSize(DataSize receiveBufferSize) {
        this.receiveBufferSize = receiveBufferSize;
    }

    public Boolean getIpv6() {
        return this.ipv6;
    }

    public void setIpv6(Boolean ipv6) {
        this.ipv6 = ipv6;
    }

    public Integer getTos() {
        return this.tos;
    }

    public void setTos(Integer tos) {
        this.tos = tos;
    }

    public Integer getBacklog() {
        return this.backlog;
    }

    public void setBacklog(Integer backlog) {
        this.backlog = backlog;
    }

    public Long getAffinity() {
        return this.affinity;
    }

    public void setAffinity(Long affinity) {
        this.affinity = affinity;
    }

}
