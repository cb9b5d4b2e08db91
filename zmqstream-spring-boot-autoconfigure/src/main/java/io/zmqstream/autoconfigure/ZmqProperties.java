package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zmqstream.OverflowPolicy;
import io.zmqstream.listener.StreamListenerProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
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
@ConfigurationProperties(prefix = "zmq", ignoreUnknownFields = false)
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
     * How ZmqTemplate's requests are observed.
     */
    private final Template template = new Template();

    /**
     * Streams by name: each becomes a ZMQStream bean of that name, injectable with @Qualifier("name").
     */
    private final Map<String, Stream> streams = new LinkedHashMap<>();

    /**
     * Proxies by name: each forwards between two streams of zmq.streams on the loop.
     */
    private final Map<String, Proxy> proxies = new LinkedHashMap<>();

    public Context getContext() {
        return this.context;
    }

    public IoLoop getIoLoop() {
        return this.ioLoop;
    }

    public Listener getListener() {
        return this.listener;
    }

    public Template getTemplate() {
        return this.template;
    }

    public Map<String, Stream> getStreams() {
        return this.streams;
    }

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
         * Whether each captured copy begins with a frame that says which way the message went,
         * frontend-to-backend or backend-to-frontend.
         */
        private boolean captureDirection;

        /**
         * Messages a side's send queue holds before the proxy stops reading the other side.
         */
        private int queueLimit = 1000;

        /**
         * Whether the proxy's streams run on a loop thread of their own, zmq-proxy-<name>, instead of
         * the shared loop: for a proxy that needs a core to itself.
         */
        private boolean dedicatedLoop;

        public String getFrontend() {
            return this.frontend;
        }

        public void setFrontend(String frontend) {
            this.frontend = frontend;
        }

        public String getBackend() {
            return this.backend;
        }

        public void setBackend(String backend) {
            this.backend = backend;
        }

        public String getCapture() {
            return this.capture;
        }

        public void setCapture(String capture) {
            this.capture = capture;
        }

        public boolean isCaptureDirection() {
            return this.captureDirection;
        }

        public void setCaptureDirection(boolean captureDirection) {
            this.captureDirection = captureDirection;
        }

        public int getQueueLimit() {
            return this.queueLimit;
        }

        public void setQueueLimit(int queueLimit) {
            this.queueLimit = queueLimit;
        }

        public boolean isDedicatedLoop() {
            return this.dedicatedLoop;
        }

        public void setDedicatedLoop(boolean dedicatedLoop) {
            this.dedicatedLoop = dedicatedLoop;
        }
    }

    /** The ZeroMQ context shared by every stream. */
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

        public int getIoThreads() {
            return this.ioThreads;
        }

        public void setIoThreads(int ioThreads) {
            this.ioThreads = ioThreads;
        }

        public int getMaxSockets() {
            return this.maxSockets;
        }

        public void setMaxSockets(int maxSockets) {
            this.maxSockets = maxSockets;
        }
    }

    /** The loop thread shared by every stream. */
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

        public String getThreadName() {
            return this.threadName;
        }

        public void setThreadName(String threadName) {
            this.threadName = threadName;
        }

        public int getBatchBudget() {
            return this.batchBudget;
        }

        public void setBatchBudget(int batchBudget) {
            this.batchBudget = batchBudget;
        }

        public Duration getSpinTime() {
            return this.spinTime;
        }

        public void setSpinTime(Duration spinTime) {
            this.spinTime = spinTime;
        }

        public Duration getLagProbeInterval() {
            return this.lagProbeInterval;
        }

        public void setLagProbeInterval(Duration lagProbeInterval) {
            this.lagProbeInterval = lagProbeInterval;
        }

        public Duration getMaxLag() {
            return this.maxLag;
        }

        public void setMaxLag(Duration maxLag) {
            this.maxLag = maxLag;
        }
    }

    /** How {@code @ZmqListener} methods are observed. */
    public static class Listener {

        /**
         * Whether each listener invocation is a Micrometer Observation (for tracing as well as metrics)
         * instead of a plain zmq.listener timer.
         */
        private boolean observationEnabled;

        public boolean isObservationEnabled() {
            return this.observationEnabled;
        }

        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }
    }

    /** How ZmqTemplate's requests are observed. */
    public static class Template {

        /**
         * Whether each ZmqTemplate request is a Micrometer Observation (zmq.request), for tracing as
         * well as metrics, besides the zmq.requests timer.
         */
        private boolean observationEnabled;

        public boolean isObservationEnabled() {
            return this.observationEnabled;
        }

        public void setObservationEnabled(boolean observationEnabled) {
            this.observationEnabled = observationEnabled;
        }
    }

    /** One stream: a socket of the shared context on the shared loop, published as a bean named by its key. */
    public static class Stream extends StreamSocketProperties {

        /**
         * The stream's own send queue.
         */
        private final SendQueue sendQueue = new SendQueue();

        /**
         * CURVE security of the socket.
         */
        private final Curve curve = new Curve();

        /**
         * PLAIN security of the socket: user names and passwords.
         */
        @NestedConfigurationProperty
        private final StreamPlainProperties plain = new StreamPlainProperties();

        /**
         * The ZAP domain of a CURVE or PLAIN server, by which the context's ZAP handler counts its
         * clients and finds its rules (and a ZapAuthenticator tells servers apart); the stream's
         * name by default. Streams that share a domain share its rules, which one of them sets.
         */
        private String zapDomain;

        /**
         * Request/reply through ZmqTemplate on a DEALER or REQ stream.
         */
        @NestedConfigurationProperty
        private final StreamRequestProperties requests = new StreamRequestProperties();

        /**
         * What the stream's @ZmqListener methods do when they fail: retries and a dead-letter stream.
         */
        @NestedConfigurationProperty
        private final StreamListenerProperties listener = new StreamListenerProperties();

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
         * Whether messages carry their trace context (W3C traceparent, tracestate, baggage) in a frame
         * after their other frames: written on each send while a tracer runs, read and taken off by
         * listeners, whose observations (zmq.listener.observation-enabled) continue the trace. Both
         * ends of a connection set it; the README documents the frame for peers in other languages.
         */
        private boolean tracing;

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

        public SendQueue getSendQueue() {
            return this.sendQueue;
        }

        public StreamRequestProperties getRequests() {
            return this.requests;
        }

        public StreamListenerProperties getListener() {
            return this.listener;
        }

        public Curve getCurve() {
            return this.curve;
        }

        public StreamPlainProperties getPlain() {
            return this.plain;
        }

        public String getZapDomain() {
            return this.zapDomain;
        }

        public void setZapDomain(String zapDomain) {
            this.zapDomain = zapDomain;
        }

        public SocketType getType() {
            return this.type;
        }

        public void setType(SocketType type) {
            this.type = type;
        }

        public List<String> getBind() {
            return this.bind;
        }

        public void setBind(List<String> bind) {
            this.bind = bind;
        }

        public List<String> getConnect() {
            return this.connect;
        }

        public void setConnect(List<String> connect) {
            this.connect = connect;
        }

        public List<String> getSubscribe() {
            return this.subscribe;
        }

        public void setSubscribe(List<String> subscribe) {
            this.subscribe = subscribe;
        }

        public boolean isAutoStartup() {
            return this.autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public boolean isTracing() {
            return this.tracing;
        }

        public void setTracing(boolean tracing) {
            this.tracing = tracing;
        }

        public boolean isMonitor() {
            return this.monitor;
        }

        public void setMonitor(boolean monitor) {
            this.monitor = monitor;
        }

        public Duration getHandshakeHealAfter() {
            return this.handshakeHealAfter;
        }

        public void setHandshakeHealAfter(Duration handshakeHealAfter) {
            this.handshakeHealAfter = handshakeHealAfter;
        }

        public Duration getMaxTimeWithoutPeer() {
            return this.maxTimeWithoutPeer;
        }

        public void setMaxTimeWithoutPeer(Duration maxTimeWithoutPeer) {
            this.maxTimeWithoutPeer = maxTimeWithoutPeer;
        }

        /** The stream's own queue of messages waiting to be sent. */
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

            public int getCapacity() {
                return this.capacity;
            }

            public void setCapacity(int capacity) {
                this.capacity = capacity;
            }

            public OverflowPolicy getOverflowPolicy() {
                return this.overflowPolicy;
            }

            public void setOverflowPolicy(OverflowPolicy overflowPolicy) {
                this.overflowPolicy = overflowPolicy;
            }

            public Duration getBlockTimeout() {
                return this.blockTimeout;
            }

            public void setBlockTimeout(Duration blockTimeout) {
                this.blockTimeout = blockTimeout;
            }
        }

        /** CURVE encryption and authentication of the socket; unset keys leave CURVE off. Secrets are never logged. */
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
             * "public-key" entries count, read at start-up and again every certificates-reload-interval.
             * Empty lets in every client that knows the server's key; servers only.
             */
            private List<String> allowedClients = new ArrayList<>();

            /**
             * How often the certificate directories and files of allowed-clients are read again, so
             * that a client added or removed counts from its next connection; 0 reads them at
             * start-up only.
             */
            private Duration certificatesReloadInterval = Duration.ofSeconds(1);

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

            public boolean isServer() {
                return this.server;
            }

            public void setServer(boolean server) {
                this.server = server;
            }

            public Duration getCertificatesReloadInterval() {
                return this.certificatesReloadInterval;
            }

            public void setCertificatesReloadInterval(Duration certificatesReloadInterval) {
                this.certificatesReloadInterval = certificatesReloadInterval;
            }

            public String getPublicKey() {
                return this.publicKey;
            }

            public void setPublicKey(String publicKey) {
                this.publicKey = publicKey;
            }

            public String getSecretKey() {
                return this.secretKey;
            }

            public void setSecretKey(String secretKey) {
                this.secretKey = secretKey;
            }

            public String getServerKey() {
                return this.serverKey;
            }

            public void setServerKey(String serverKey) {
                this.serverKey = serverKey;
            }

            public Resource getPublicKeyFile() {
                return this.publicKeyFile;
            }

            public void setPublicKeyFile(Resource publicKeyFile) {
                this.publicKeyFile = publicKeyFile;
            }

            public Resource getSecretKeyFile() {
                return this.secretKeyFile;
            }

            public void setSecretKeyFile(Resource secretKeyFile) {
                this.secretKeyFile = secretKeyFile;
            }

            public Resource getServerKeyFile() {
                return this.serverKeyFile;
            }

            public void setServerKeyFile(Resource serverKeyFile) {
                this.serverKeyFile = serverKeyFile;
            }

            public List<String> getAllowedClients() {
                return this.allowedClients;
            }

            public void setAllowedClients(List<String> allowedClients) {
                this.allowedClients = allowedClients;
            }

            public List<String> getAllowedAddresses() {
                return this.allowedAddresses;
            }

            public void setAllowedAddresses(List<String> allowedAddresses) {
                this.allowedAddresses = allowedAddresses;
            }

            public List<String> getDeniedAddresses() {
                return this.deniedAddresses;
            }

            public void setDeniedAddresses(List<String> deniedAddresses) {
                this.deniedAddresses = deniedAddresses;
            }
        }
    }
}
