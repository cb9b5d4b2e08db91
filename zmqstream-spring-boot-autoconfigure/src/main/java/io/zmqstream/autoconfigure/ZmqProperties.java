package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.OverflowPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.zeromq.SocketType;

/**
 * Configuration of ZeroMQ streams, bound to {@code zmq.*}: the shared context and loop, and one
 * {@link io.zmqstream.ZMQStream} bean per entry under {@code zmq.streams}, named by its key.
 *
 * <pre>{@code
 * zmq:
 *   streams:
 *     orders:
 *       type: pull
 *       bind: tcp://127.0.0.1:5555
 * }</pre>
 *
 * Socket options left unset keep ZeroMQ's defaults. The defaults here are the core's own
 * ({@code ZmqIoLoop.DEFAULT_*}, {@code SendQueueOptions.DEFAULT_*}), written out so that the
 * configuration metadata can show them.
 */
@ConfigurationProperties("zmq")
public class ZmqProperties {

    /**
     * The ZeroMQ context shared by every stream.
     */
    private final Context context = new Context();

    /**
     * The loop thread shared by every stream.
     */
    private final IoLoop ioLoop = new IoLoop();

    /**
     * How @ZmqListener methods are observed.
     */
    private final Listener listener = new Listener();

    /**
     * Streams by name: each becomes a ZMQStream bean of that name, injectable with @Qualifier("name").
     */
    private final Map<String, Stream> streams = new LinkedHashMap<>();

    /**
     * Proxies by name: each forwards between two streams of zmq.streams on the loop.
     */
    private final Map<String, Proxy> proxies = new LinkedHashMap<>();

    /**
     * The ZeroMQ context shared by every stream.
     *
     * @return the settings
     */
    public Context getContext() {
        return this.context;
    }

    /**
     * The loop thread shared by every stream.
     *
     * @return the settings
     */
    public IoLoop getIoLoop() {
        return this.ioLoop;
    }

    /**
     * How {@code @ZmqListener} methods are observed.
     *
     * @return the settings
     */
    public Listener getListener() {
        return this.listener;
    }

    /**
     * The streams by name, in the order of the configuration.
     *
     * @return the streams, modifiable
     */
    public Map<String, Stream> getStreams() {
        return this.streams;
    }

    /**
     * Proxies by name.
     *
     * @return the proxies' settings, keyed by proxy name
     */
    public Map<String, Proxy> getProxies() {
        return this.proxies;
    }

    /**
     * One proxy between two configured streams: a queue (ROUTER/DEALER), a forwarder (XSUB/XPUB) or
     * a streamer (PULL/PUSH). The streams bring their binding, connecting, options and CURVE.
     */
    public static class Proxy {

        /**
         * The stream clients or publishers reach: a key of zmq.streams.
         */
        private String frontend;

        /**
         * The stream workers or subscribers reach: a key of zmq.streams.
         */
        private String backend;

        /**
         * A stream that gets a copy of every message the proxy forwards, such as a PUSH or PUB for
         * auditing; copies it cannot take are dropped and counted, never holding up the proxy.
         */
        private String capture;

        /**
         * Messages a side's send queue holds before the proxy stops reading the other side.
         */
        private int queueLimit = 1000;

        /**
         * Whether the proxy's streams run on a loop thread of their own, zmq-proxy-<name>, instead of
         * the shared loop: for a proxy that needs a core to itself.
         */
        private boolean dedicatedLoop;

        /**
         * The {@code frontend} setting.
         *
         * @return the setting
         */
        public String getFrontend() {
            return this.frontend;
        }

        /**
         * Sets the {@code frontend} setting.
         *
         * @param frontend the setting
         */
        public void setFrontend(String frontend) {
            this.frontend = frontend;
        }

        /**
         * The {@code backend} setting.
         *
         * @return the setting
         */
        public String getBackend() {
            return this.backend;
        }

        /**
         * Sets the {@code backend} setting.
         *
         * @param backend the setting
         */
        public void setBackend(String backend) {
            this.backend = backend;
        }

        /**
         * The {@code capture} setting.
         *
         * @return the setting
         */
        public String getCapture() {
            return this.capture;
        }

        /**
         * Sets the {@code capture} setting.
         *
         * @param capture the setting
         */
        public void setCapture(String capture) {
            this.capture = capture;
        }

        /**
         * The {@code queue-limit} setting.
         *
         * @return the setting
         */
        public int getQueueLimit() {
            return this.queueLimit;
        }

        /**
         * Sets the {@code queue-limit} setting.
         *
         * @param queueLimit the setting
         */
        public void setQueueLimit(int queueLimit) {
            this.queueLimit = queueLimit;
        }

        /**
         * The {@code dedicated-loop} setting.
         *
         * @return the setting
         */
        public boolean isDedicatedLoop() {
            return this.dedicatedLoop;
        }

        /**
         * Sets the {@code dedicated-loop} setting.
         *
         * @param dedicatedLoop the setting
         */
        public void setDedicatedLoop(boolean dedicatedLoop) {
            this.dedicatedLoop = dedicatedLoop;
        }
    }

    /**
     * The ZeroMQ context shared by every stream.
     */
    public static class Context {

        /**
         * Number of ZeroMQ I/O threads of the shared context.
         */
        private int ioThreads = 1;

        /**
         * Most sockets the context may open at once; each stream holds one socket (and four file
         * descriptors).
         */
        private int maxSockets = 1024;

        /**
         * The {@code io-threads} setting.
         *
         * @return the setting
         */
        public int getIoThreads() {
            return this.ioThreads;
        }

        /**
         * Sets the {@code io-threads} setting.
         *
         * @param ioThreads the setting
         */
        public void setIoThreads(int ioThreads) {
            this.ioThreads = ioThreads;
        }

        /**
         * The {@code max-sockets} setting.
         *
         * @return the setting
         */
        public int getMaxSockets() {
            return this.maxSockets;
        }

        /**
         * Sets the {@code max-sockets} setting.
         *
         * @param maxSockets the setting
         */
        public void setMaxSockets(int maxSockets) {
            this.maxSockets = maxSockets;
        }
    }

    /**
     * The loop thread shared by every stream.
     */
    public static class IoLoop {

        /**
         * Name of the loop thread that runs every stream's socket I/O and callbacks.
         */
        private String threadName = "zmq-ioloop";

        /**
         * Messages a stream handles each way in one turn before the next ready stream gets its
         * turn.
         */
        private int batchBudget = 512;

        /**
         * How long the loop, after doing work, watches for new tasks before it sleeps. Zero never
         * spins.
         */
        private Duration spinTime = Duration.ZERO;

        /**
         * How often the loop's lag is probed: a timer that measures how late the loop runs it.
         */
        private Duration lagProbeInterval = Duration.ofSeconds(1);

        /**
         * The lag beyond which the loop counts as stuck: the zmq health indicator then reports DOWN.
         */
        private Duration maxLag = Duration.ofSeconds(5);

        /**
         * The {@code thread-name} setting.
         *
         * @return the setting
         */
        public String getThreadName() {
            return this.threadName;
        }

        /**
         * Sets the {@code thread-name} setting.
         *
         * @param threadName the setting
         */
        public void setThreadName(String threadName) {
            this.threadName = threadName;
        }

        /**
         * The {@code batch-budget} setting.
         *
         * @return the setting
         */
        public int getBatchBudget() {
            return this.batchBudget;
        }

        /**
         * Sets the {@code batch-budget} setting.
         *
         * @param batchBudget the setting
         */
        public void setBatchBudget(int batchBudget) {
            this.batchBudget = batchBudget;
        }

        /**
         * The {@code spin-time} setting.
         *
         * @return the setting
         */
        public Duration getSpinTime() {
            return this.spinTime;
        }

        /**
         * Sets the {@code spin-time} setting.
         *
         * @param spinTime the setting
         */
        public void setSpinTime(Duration spinTime) {
            this.spinTime = spinTime;
        }

        /**
         * The {@code lag-probe-interval} setting.
         *
         * @return the setting
         */
        public Duration getLagProbeInterval() {
            return this.lagProbeInterval;
        }

        /**
         * Sets the {@code lag-probe-interval} setting.
         *
         * @param lagProbeInterval the setting
         */
        public void setLagProbeInterval(Duration lagProbeInterval) {
            this.lagProbeInterval = lagProbeInterval;
        }

        /**
         * The {@code max-lag} setting.
         *
         * @return the setting
         */
        public Duration getMaxLag() {
            return this.maxLag;
        }

        /**
         * Sets the {@code max-lag} setting.
         *
         * @param maxLag the setting
         */
        public void setMaxLag(Duration maxLag) {
            this.maxLag = maxLag;
        }
    }

    /**
     * How {@code @ZmqListener} methods are observed.
     */
    public static class Listener {

        /**
         * Whether each listener invocation is a Micrometer Observation (for tracing as well as metrics)
         * instead of a plain zmq.listener timer.
         */
        private boolean observationEnabled;

        /**
         * The {@code observation-enabled} setting.
         *
         * @return the setting
         */
        public boolean isObservationEnabled() {
            return this.observationEnabled;
        }

        /**
         * Sets the {@code observation-enabled} setting.
         *
         * @param observationEnabled the setting
         */
        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }
    }

    /**
     * One stream: a socket of the shared context on the shared loop, published as a bean named by its key.
     */
    public static class Stream {

        /**
         * The default {@code max-message-size}: 1 MiB, above the messages most services send and
         * small enough that a few hundred hostile connections, each holding one announced frame,
         * cannot exhaust a JVM's direct memory.
         */
        public static final DataSize DEFAULT_MAX_MESSAGE_SIZE = DataSize.ofMegabytes(1);


        /**
         * The stream's own send queue.
         */
        private final SendQueue sendQueue = new SendQueue();

        /**
         * CURVE security of the socket.
         */
        private final Curve curve = new Curve();

        /**
         * Socket type: PAIR, PUB, SUB, REQ, REP, DEALER, ROUTER, PULL, PUSH, XPUB, XSUB or STREAM.
         */
        private SocketType type;

        /**
         * Endpoints to bind to, such as tcp://127.0.0.1:5555, tcp://*:5555 or inproc://name.
         */
        private List<String> bind = new ArrayList<>();

        /**
         * Endpoints to connect to, such as tcp://127.0.0.1:5555 or inproc://name.
         */
        private List<String> connect = new ArrayList<>();

        /**
         * Topic prefixes to subscribe to (UTF-8); SUB and XSUB sockets only. An empty string
         * subscribes to everything.
         */
        private List<String> subscribe = new ArrayList<>();

        /**
         * Whether the stream binds, connects and subscribes as configured while the application
         * starts. When false, the application opens it later through ZmqStreamRegistry.open(name);
         * only such a stream may leave out both bind and connect.
         */
        private boolean autoStartup = true;

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
         * Whether the stream watches its connections from its socket's monitor events: peers per
         * endpoint in the zmq endpoint, the health and the meters, healing of the handshakes
         * JeroMQ leaves stalled, and the peers dropped for a message over max-message-size. False
         * turns all three off, leaving the socket free for a monitor of the application's own.
         */
        private boolean monitor = true;

        /**
         * How long a connection the stream made may wait for its handshake before the stream heals
         * it (JeroMQ 0.6.0 leaves a few fresh connections stalled until the handshake interval
         * drops them); 0 never heals. Needs monitor.
         */
        private Duration handshakeHealAfter = Duration.ofMillis(200);

        /**
         * Opt-in: the zmq health turns DOWN when this stream connects but has had no handshaken
         * peer for longer than this. Unset, an absent peer never makes the application unhealthy.
         * Needs monitor.
         */
        private Duration maxTimeWithoutPeer;

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
         * Whether a ROUTER reports a message to an unknown peer as a send failure, and waits for a
         * peer whose queue is full, instead of dropping either silently; ROUTER only.
         */
        private Boolean routerMandatory;

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
         * The stream's own send queue.
         *
         * @return the settings
         */
        public SendQueue getSendQueue() {
            return this.sendQueue;
        }

        /**
         * CURVE security of the socket.
         *
         * @return the settings
         */
        public Curve getCurve() {
            return this.curve;
        }

        /**
         * The {@code type} setting.
         *
         * @return the setting
         */
        public SocketType getType() {
            return this.type;
        }

        /**
         * Sets the {@code type} setting.
         *
         * @param type the setting
         */
        public void setType(SocketType type) {
            this.type = type;
        }

        /**
         * The {@code bind} setting.
         *
         * @return the setting
         */
        public List<String> getBind() {
            return this.bind;
        }

        /**
         * Sets the {@code bind} setting.
         *
         * @param bind the setting
         */
        public void setBind(List<String> bind) {
            this.bind = bind;
        }

        /**
         * The {@code connect} setting.
         *
         * @return the setting
         */
        public List<String> getConnect() {
            return this.connect;
        }

        /**
         * Sets the {@code connect} setting.
         *
         * @param connect the setting
         */
        public void setConnect(List<String> connect) {
            this.connect = connect;
        }

        /**
         * The {@code subscribe} setting.
         *
         * @return the setting
         */
        public List<String> getSubscribe() {
            return this.subscribe;
        }

        /**
         * Sets the {@code subscribe} setting.
         *
         * @param subscribe the setting
         */
        public void setSubscribe(List<String> subscribe) {
            this.subscribe = subscribe;
        }

        /**
         * The {@code auto-startup} setting.
         *
         * @return the setting
         */
        public boolean isAutoStartup() {
            return this.autoStartup;
        }

        /**
         * Sets the {@code auto-startup} setting.
         *
         * @param autoStartup the setting
         */
        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        /**
         * The {@code send-hwm} setting.
         *
         * @return the setting
         */
        public Integer getSendHwm() {
            return this.sendHwm;
        }

        /**
         * Sets the {@code send-hwm} setting.
         *
         * @param sendHwm the setting
         */
        public void setSendHwm(Integer sendHwm) {
            this.sendHwm = sendHwm;
        }

        /**
         * The {@code receive-hwm} setting.
         *
         * @return the setting
         */
        public Integer getReceiveHwm() {
            return this.receiveHwm;
        }

        /**
         * Sets the {@code receive-hwm} setting.
         *
         * @param receiveHwm the setting
         */
        public void setReceiveHwm(Integer receiveHwm) {
            this.receiveHwm = receiveHwm;
        }

        /**
         * The {@code linger} setting.
         *
         * @return the setting
         */
        public Duration getLinger() {
            return this.linger;
        }

        /**
         * Sets the {@code linger} setting.
         *
         * @param linger the setting
         */
        public void setLinger(Duration linger) {
            this.linger = linger;
        }

        /**
         * The {@code identity} setting.
         *
         * @return the setting
         */
        public String getIdentity() {
            return this.identity;
        }

        /**
         * Sets the {@code identity} setting.
         *
         * @param identity the setting
         */
        public void setIdentity(String identity) {
            this.identity = identity;
        }

        /**
         * The {@code reconnect-interval} setting.
         *
         * @return the setting
         */
        public Duration getReconnectInterval() {
            return this.reconnectInterval;
        }

        /**
         * Sets the {@code reconnect-interval} setting.
         *
         * @param reconnectInterval the setting
         */
        public void setReconnectInterval(Duration reconnectInterval) {
            this.reconnectInterval = reconnectInterval;
        }

        /**
         * The {@code reconnect-interval-max} setting.
         *
         * @return the setting
         */
        public Duration getReconnectIntervalMax() {
            return this.reconnectIntervalMax;
        }

        /**
         * Sets the {@code reconnect-interval-max} setting.
         *
         * @param reconnectIntervalMax the setting
         */
        public void setReconnectIntervalMax(Duration reconnectIntervalMax) {
            this.reconnectIntervalMax = reconnectIntervalMax;
        }

        /**
         * The {@code max-message-size} setting.
         *
         * @return the setting
         */
        public DataSize getMaxMessageSize() {
            return this.maxMessageSize;
        }

        /**
         * Sets the {@code max-message-size} setting.
         *
         * @param maxMessageSize the setting
         */
        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        /**
         * The {@code handshake-interval} setting.
         *
         * @return the setting
         */
        public Duration getHandshakeInterval() {
            return this.handshakeInterval;
        }

        /**
         * Sets the {@code handshake-interval} setting.
         *
         * @param handshakeInterval the setting
         */
        public void setHandshakeInterval(Duration handshakeInterval) {
            this.handshakeInterval = handshakeInterval;
        }

        /**
         * The {@code monitor} setting.
         *
         * @return the setting
         */
        public boolean isMonitor() {
            return this.monitor;
        }

        /**
         * Sets the {@code monitor} setting.
         *
         * @param monitor the setting
         */
        public void setMonitor(boolean monitor) {
            this.monitor = monitor;
        }

        /**
         * The {@code handshake-heal-after} setting.
         *
         * @return the setting
         */
        public Duration getHandshakeHealAfter() {
            return this.handshakeHealAfter;
        }

        /**
         * Sets the {@code handshake-heal-after} setting.
         *
         * @param handshakeHealAfter the setting
         */
        public void setHandshakeHealAfter(Duration handshakeHealAfter) {
            this.handshakeHealAfter = handshakeHealAfter;
        }

        /**
         * The {@code max-time-without-peer} setting.
         *
         * @return the setting
         */
        public Duration getMaxTimeWithoutPeer() {
            return this.maxTimeWithoutPeer;
        }

        /**
         * Sets the {@code max-time-without-peer} setting.
         *
         * @param maxTimeWithoutPeer the setting
         */
        public void setMaxTimeWithoutPeer(Duration maxTimeWithoutPeer) {
            this.maxTimeWithoutPeer = maxTimeWithoutPeer;
        }

        /**
         * The {@code heartbeat-interval} setting.
         *
         * @return the setting
         */
        public Duration getHeartbeatInterval() {
            return this.heartbeatInterval;
        }

        /**
         * Sets the {@code heartbeat-interval} setting.
         *
         * @param heartbeatInterval the setting
         */
        public void setHeartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
        }

        /**
         * The {@code heartbeat-timeout} setting.
         *
         * @return the setting
         */
        public Duration getHeartbeatTimeout() {
            return this.heartbeatTimeout;
        }

        /**
         * Sets the {@code heartbeat-timeout} setting.
         *
         * @param heartbeatTimeout the setting
         */
        public void setHeartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
        }

        /**
         * The {@code heartbeat-ttl} setting.
         *
         * @return the setting
         */
        public Duration getHeartbeatTtl() {
            return this.heartbeatTtl;
        }

        /**
         * Sets the {@code heartbeat-ttl} setting.
         *
         * @param heartbeatTtl the setting
         */
        public void setHeartbeatTtl(Duration heartbeatTtl) {
            this.heartbeatTtl = heartbeatTtl;
        }

        /**
         * The {@code immediate} setting.
         *
         * @return the setting
         */
        public Boolean getImmediate() {
            return this.immediate;
        }

        /**
         * Sets the {@code immediate} setting.
         *
         * @param immediate the setting
         */
        public void setImmediate(Boolean immediate) {
            this.immediate = immediate;
        }

        /**
         * The {@code router-mandatory} setting.
         *
         * @return the setting
         */
        public Boolean getRouterMandatory() {
            return this.routerMandatory;
        }

        /**
         * Sets the {@code router-mandatory} setting.
         *
         * @param routerMandatory the setting
         */
        public void setRouterMandatory(Boolean routerMandatory) {
            this.routerMandatory = routerMandatory;
        }

        /**
         * The {@code conflate} setting.
         *
         * @return the setting
         */
        public Boolean getConflate() {
            return this.conflate;
        }

        /**
         * Sets the {@code conflate} setting.
         *
         * @param conflate the setting
         */
        public void setConflate(Boolean conflate) {
            this.conflate = conflate;
        }

        /**
         * The {@code tcp-keepalive} setting.
         *
         * @return the setting
         */
        public Boolean getTcpKeepalive() {
            return this.tcpKeepalive;
        }

        /**
         * Sets the {@code tcp-keepalive} setting.
         *
         * @param tcpKeepalive the setting
         */
        public void setTcpKeepalive(Boolean tcpKeepalive) {
            this.tcpKeepalive = tcpKeepalive;
        }

        /**
         * The {@code tcp-keepalive-idle} setting.
         *
         * @return the setting
         */
        public Duration getTcpKeepaliveIdle() {
            return this.tcpKeepaliveIdle;
        }

        /**
         * Sets the {@code tcp-keepalive-idle} setting.
         *
         * @param tcpKeepaliveIdle the setting
         */
        public void setTcpKeepaliveIdle(Duration tcpKeepaliveIdle) {
            this.tcpKeepaliveIdle = tcpKeepaliveIdle;
        }

        /**
         * The {@code tcp-keepalive-interval} setting.
         *
         * @return the setting
         */
        public Duration getTcpKeepaliveInterval() {
            return this.tcpKeepaliveInterval;
        }

        /**
         * Sets the {@code tcp-keepalive-interval} setting.
         *
         * @param tcpKeepaliveInterval the setting
         */
        public void setTcpKeepaliveInterval(Duration tcpKeepaliveInterval) {
            this.tcpKeepaliveInterval = tcpKeepaliveInterval;
        }

        /**
         * The {@code tcp-keepalive-count} setting.
         *
         * @return the setting
         */
        public Integer getTcpKeepaliveCount() {
            return this.tcpKeepaliveCount;
        }

        /**
         * Sets the {@code tcp-keepalive-count} setting.
         *
         * @param tcpKeepaliveCount the setting
         */
        public void setTcpKeepaliveCount(Integer tcpKeepaliveCount) {
            this.tcpKeepaliveCount = tcpKeepaliveCount;
        }

        /**
         * The {@code send-buffer-size} setting.
         *
         * @return the setting
         */
        public DataSize getSendBufferSize() {
            return this.sendBufferSize;
        }

        /**
         * Sets the {@code send-buffer-size} setting.
         *
         * @param sendBufferSize the setting
         */
        public void setSendBufferSize(DataSize sendBufferSize) {
            this.sendBufferSize = sendBufferSize;
        }

        /**
         * The {@code receive-buffer-size} setting.
         *
         * @return the setting
         */
        public DataSize getReceiveBufferSize() {
            return this.receiveBufferSize;
        }

        /**
         * Sets the {@code receive-buffer-size} setting.
         *
         * @param receiveBufferSize the setting
         */
        public void setReceiveBufferSize(DataSize receiveBufferSize) {
            this.receiveBufferSize = receiveBufferSize;
        }

        /**
         * The stream's own queue of messages waiting to be sent.
         */
        public static class SendQueue {

            /**
             * Most messages waiting in the stream's own send queue, in front of ZeroMQ's send
             * high-water mark.
             */
            private int capacity = 100_000;

            /**
             * What a send does when the send queue is full: BLOCK waits up to the block timeout,
             * FAIL throws, DROP discards the message and reports it to its send callbacks.
             */
            private OverflowPolicy overflowPolicy = OverflowPolicy.BLOCK;

            /**
             * How long a send with the BLOCK policy waits for room in the send queue before it
             * fails.
             */
            private Duration blockTimeout = Duration.ofSeconds(10);

            /**
             * The {@code capacity} setting.
             *
             * @return the setting
             */
            public int getCapacity() {
                return this.capacity;
            }

            /**
             * Sets the {@code capacity} setting.
             *
             * @param capacity the setting
             */
            public void setCapacity(int capacity) {
                this.capacity = capacity;
            }

            /**
             * The {@code overflow-policy} setting.
             *
             * @return the setting
             */
            public OverflowPolicy getOverflowPolicy() {
                return this.overflowPolicy;
            }

            /**
             * Sets the {@code overflow-policy} setting.
             *
             * @param overflowPolicy the setting
             */
            public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
                this.overflowPolicy = overflowPolicy;
            }

            /**
             * The {@code block-timeout} setting.
             *
             * @return the setting
             */
            public Duration getBlockTimeout() {
                return this.blockTimeout;
            }

            /**
             * Sets the {@code block-timeout} setting.
             *
             * @param blockTimeout the setting
             */
            public void setBlockTimeout(Duration blockTimeout) {
                this.blockTimeout = blockTimeout;
            }
        }

        /**
         * CURVE encryption and authentication of the socket; unset keys leave CURVE off. Secrets are never logged.
         */
        public static class Curve {

            /**
             * Whether this socket is the CURVE server. A server needs its secret key; a client
             * needs the server's public key and, optionally, its own key pair (an ephemeral pair
             * is generated when it has none).
             */
            private boolean server;

            /**
             * This socket's CURVE public key, Z85-encoded (40 characters).
             */
            private String publicKey;

            /**
             * This socket's CURVE secret key, Z85-encoded (40 characters). Never logged nor shown
             * by any endpoint.
             */
            private String secretKey;

            /**
             * The CURVE server's public key, Z85-encoded (40 characters); clients only.
             */
            private String serverKey;

            /**
             * File holding this socket's CURVE public key: the Z85 key alone, or a ZeroMQ
             * certificate with a "public-key" entry.
             */
            private Resource publicKeyFile;

            /**
             * File holding this socket's CURVE secret key: the Z85 key alone, or a ZeroMQ secret
             * certificate with a "secret-key" entry.
             */
            private Resource secretKeyFile;

            /**
             * File holding the CURVE server's public key: the Z85 key alone, or the server's
             * ZeroMQ certificate with a "public-key" entry; clients only.
             */
            private Resource serverKeyFile;

            /**
             * The clients a CURVE server lets in, checked by the context's ZAP handler: each entry
             * is a client's Z85 public key, or a directory (or file) of ZeroMQ certificates whose
             * "public-key" entries count, read at start-up. Empty lets in every client that knows
             * the server's key; servers only.
             */
            private List<String> allowedClients = new ArrayList<>();

            /**
             * The only client IP addresses a CURVE server lets in; empty lets in every address not
             * denied. Servers only.
             */
            private List<String> allowedAddresses = new ArrayList<>();

            /**
             * Client IP addresses a CURVE server keeps out, when no allowed addresses are set.
             * Servers only.
             */
            private List<String> deniedAddresses = new ArrayList<>();

            /**
             * The {@code server} setting.
             *
             * @return the setting
             */
            public boolean isServer() {
                return this.server;
            }

            /**
             * Sets the {@code server} setting.
             *
             * @param server the setting
             */
            public void setServer(boolean server) {
                this.server = server;
            }

            /**
             * The {@code public-key} setting.
             *
             * @return the setting
             */
            public String getPublicKey() {
                return this.publicKey;
            }

            /**
             * Sets the {@code public-key} setting.
             *
             * @param publicKey the setting
             */
            public void setPublicKey(String publicKey) {
                this.publicKey = publicKey;
            }

            /**
             * The {@code secret-key} setting.
             *
             * @return the setting
             */
            public String getSecretKey() {
                return this.secretKey;
            }

            /**
             * Sets the {@code secret-key} setting.
             *
             * @param secretKey the setting
             */
            public void setSecretKey(String secretKey) {
                this.secretKey = secretKey;
            }

            /**
             * The {@code server-key} setting.
             *
             * @return the setting
             */
            public String getServerKey() {
                return this.serverKey;
            }

            /**
             * Sets the {@code server-key} setting.
             *
             * @param serverKey the setting
             */
            public void setServerKey(String serverKey) {
                this.serverKey = serverKey;
            }

            /**
             * The {@code public-key-file} setting.
             *
             * @return the setting
             */
            public Resource getPublicKeyFile() {
                return this.publicKeyFile;
            }

            /**
             * Sets the {@code public-key-file} setting.
             *
             * @param publicKeyFile the setting
             */
            public void setPublicKeyFile(Resource publicKeyFile) {
                this.publicKeyFile = publicKeyFile;
            }

            /**
             * The {@code secret-key-file} setting.
             *
             * @return the setting
             */
            public Resource getSecretKeyFile() {
                return this.secretKeyFile;
            }

            /**
             * Sets the {@code secret-key-file} setting.
             *
             * @param secretKeyFile the setting
             */
            public void setSecretKeyFile(Resource secretKeyFile) {
                this.secretKeyFile = secretKeyFile;
            }

            /**
             * The {@code server-key-file} setting.
             *
             * @return the setting
             */
            public Resource getServerKeyFile() {
                return this.serverKeyFile;
            }

            /**
             * Sets the {@code server-key-file} setting.
             *
             * @param serverKeyFile the setting
             */
            public void setServerKeyFile(Resource serverKeyFile) {
                this.serverKeyFile = serverKeyFile;
            }

            /**
             * The {@code allowed-clients} setting.
             *
             * @return the keys and certificate locations
             */
            public List<String> getAllowedClients() {
                return this.allowedClients;
            }

            /**
             * Sets the {@code allowed-clients} setting.
             *
             * @param allowedClients the keys and certificate locations
             */
            public void setAllowedClients(List<String> allowedClients) {
                this.allowedClients = allowedClients;
            }

            /**
             * The {@code allowed-addresses} setting.
             *
             * @return the addresses
             */
            public List<String> getAllowedAddresses() {
                return this.allowedAddresses;
            }

            /**
             * Sets the {@code allowed-addresses} setting.
             *
             * @param allowedAddresses the addresses
             */
            public void setAllowedAddresses(List<String> allowedAddresses) {
                this.allowedAddresses = allowedAddresses;
            }

            /**
             * The {@code denied-addresses} setting.
             *
             * @return the addresses
             */
            public List<String> getDeniedAddresses() {
                return this.deniedAddresses;
            }

            /**
             * Sets the {@code denied-addresses} setting.
             *
             * @param deniedAddresses the addresses
             */
            public void setDeniedAddresses(List<String> deniedAddresses) {
                this.deniedAddresses = deniedAddresses;
            }
        }
    }
}
