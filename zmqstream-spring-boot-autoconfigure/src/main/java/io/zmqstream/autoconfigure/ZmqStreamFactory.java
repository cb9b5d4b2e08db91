package io.zmqstream.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zmqstream.SendQueueOptions;
import io.zmqstream.JsonEncoder;
import io.zmqstream.ZMQStream;
import io.zmqstream.zap.ZapHandler;
import io.zmqstream.zap.ZapPolicy;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Makes a {@link ZMQStream} from {@code zmq.streams.<name>}: checks the settings, creates the
 * socket from the shared context, sets its options and its CURVE or PLAIN security (and gives a
 * server's allowed clients or users to the context's ZAP handler, reading certificate directories
 * again while the application runs) and puts it on the shared loop.
 * Endpoints are opened separately ({@link ZmqStreamRegistry#open(String)}). Every setting that
 * cannot work fails with a {@link ZmqConfigurationException} naming the property, before any
 * socket is created where it can be checked that early.
 */
public class ZmqStreamFactory implements AutoCloseable {

    private final ZContext context;
    private final ZmqIoLoop loop;
    private final JsonEncoder jsonEncoder;
    private final Supplier<ZapHandler> zapHandler;
    private final List<ZmqSocketCustomizer> socketCustomizers;
    private final boolean zapAuthenticatorPresent;
    /** The stream whose rules each ZAP domain has, by its property prefix. */
    private final Map<String, String> domainRules = new HashMap<>();
    private final CertificateWatcher certificateWatcher = new CertificateWatcher();
    private ZapHandler sharedZapHandler;

    /**
     * Creates a factory for streams on a context and loop whose {@code sendJson} uses the core's
     * default encoder, and whose CURVE servers with allowed clients make their own ZAP handler.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop) {
        this(context, loop, null, () -> new ZapHandler(context, loop));
    }

    /**
     * Creates a factory for streams on a context and loop.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     * @param jsonEncoder the encoder of the streams' {@code sendJson}, such as one on the application's
     *        {@code JsonMapper}; {@code null} for the core's default
     * @param zapHandler the context's ZAP handler, asked for the first time a CURVE server has
     *        allowed clients or addresses
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop, JsonEncoder jsonEncoder, Supplier<ZapHandler> zapHandler) {
        this(context, loop, jsonEncoder, zapHandler, List.of());
    }

    /**
     * Creates a factory for streams on a context and loop whose sockets the given customizers see
     * before they bind or connect.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     * @param jsonEncoder the encoder of the streams' {@code sendJson}; {@code null} for the core's default
     * @param zapHandler the context's ZAP handler, asked for the first time a CURVE server has
     *        allowed clients or addresses
     * @param socketCustomizers called in this order on each new socket, after its configured options
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop, JsonEncoder jsonEncoder, Supplier<ZapHandler> zapHandler,
            List<ZmqSocketCustomizer> socketCustomizers) {
        this(context, loop, jsonEncoder, zapHandler, socketCustomizers, false);
    }

    /**
     * Creates a factory for streams on a context and loop, in an application that may have a
     * ZapAuthenticator: then every CURVE server's clients are checked by the ZAP handler, and a
     * PLAIN server may have no users of its own.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     * @param jsonEncoder the encoder of the streams' {@code sendJson}; {@code null} for the core's default
     * @param zapHandler the context's ZAP handler, asked for the first time a stream needs it
     * @param socketCustomizers called in this order on each new socket, after its configured options
     * @param zapAuthenticatorPresent whether the ZAP handler has the application's ZapAuthenticator
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop, JsonEncoder jsonEncoder, Supplier<ZapHandler> zapHandler,
            List<ZmqSocketCustomizer> socketCustomizers, boolean zapAuthenticatorPresent) {
        this.zapAuthenticatorPresent = zapAuthenticatorPresent;
        this.context = context;
        this.loop = loop;
        this.jsonEncoder = jsonEncoder;
        this.zapHandler = zapHandler;
        this.socketCustomizers = List.copyOf(socketCustomizers);
    }

    /**
     * Creates a configured stream that has not yet bound, connected or subscribed.
     *
     * @param name the stream's name, its key under {@code zmq.streams}
     * @param settings the stream's settings
     * @return the stream, named
     * @throws ZmqConfigurationException when a setting cannot work
     */
    public ZMQStream create(String name, ZmqProperties.Stream settings) {
        return create(name, settings, loop);
    }

    /**
     * Creates a configured stream on a loop of its own, such as a proxy's dedicated loop; it has not
     * yet bound, connected or subscribed.
     *
     * @param name the stream's name, its key under {@code zmq.streams}
     * @param settings the stream's settings
     * @param streamLoop the loop that drives the stream
     * @return the stream, named
     * @throws ZmqConfigurationException when a setting cannot work
     */
    public ZMQStream create(String name, ZmqProperties.Stream settings, ZmqIoLoop streamLoop) {
        String prefix = "zmq.streams." + name;
        SocketType type = requireType(prefix, settings);
        StreamEndpoints.check(prefix, settings);
        Security security = security(name, settings);
        ZapHandler zap = security.access() == null ? null : zapHandler(prefix + (security.plain() != null ? ".plain.server"
                : security.access().curveClients() != null ? ".curve.allowed-clients" : ".curve.server"));
        SendQueueOptions queue = sendQueueOptions(prefix + ".send-queue", settings.getSendQueue());
        checkMonitor(prefix, settings);
        ZMQ.Socket socket = createSocket(prefix, type);
        ZMQStream stream;
        try {
            configure(name, settings, security, socket);
            if (security.access() != null) {
                applyRules(prefix, settings.getCurve().getCertificatesReloadInterval(), security.access(), zap);
            }
            stream = new ZMQStream(socket, streamLoop, queue);
        }
        catch (RuntimeException ex) {
            socket.close();
            throw ex;
        }
        stream.setName(name);
        stream.setJsonEncoder(jsonEncoder);
        stream.setMaxMessageSizeProperty(prefix + ".max-message-size");
        stream.tracing().setCarriesTraceContext(settings.isTracing());
        if (settings.isMonitor()) {
            stream.setHandshakeHealAfter(settings.getHandshakeHealAfter());
        }
        else {
            stream.stopMonitoringConnections();
        }
        return stream;
    }

    /**
     * A new socket for a configured stream, made as its first one was (every option, its keys read
     * again from their files, its ZAP domain, the customizers), to take the place of the stream's
     * socket ({@link ZMQStream#replaceSocket}); the domain's rules stay as the first one set them.
     *
     * @param name the stream's name
     * @param settings its settings
     * @param identity the new socket's routing id, or {@code null} for the configured one
     * @return the socket, neither bound nor connected
     * @throws ZmqConfigurationException when a setting no longer works, such as a key file gone
     */
    public ZMQ.Socket createSocket(String name, ZmqProperties.Stream settings, byte[] identity) {
        String prefix = "zmq.streams." + name;
        Security security = security(name, settings);
        ZMQ.Socket socket = createSocket(prefix, requireType(prefix, settings));
        try {
            configure(name, settings, security, socket);
            if (identity != null) {
                socket.setIdentity(identity);
            }
        }
        catch (RuntimeException ex) {
            socket.close();
            throw ex;
        }
        return socket;
    }

    /** A stream's security mechanism, one at most, and how the ZAP handler checks its clients. */
    private record Security(CurveKeys curve, PlainCredentials plain, StreamZapAccess access) {
    }

    private Security security(String name, ZmqProperties.Stream settings) {
        String prefix = "zmq.streams." + name;
        CurveKeys curve = CurveKeys.resolve(prefix + ".curve", settings.getCurve());
        PlainCredentials plain = PlainCredentials.resolve(prefix + ".plain", settings.getPlain(), zapAuthenticatorPresent);
        if (curve != null && plain != null) {
            throw new ZmqConfigurationException(prefix + ".plain", "a socket has one security mechanism, and CURVE is set "
                    + "too", "Keep either " + prefix + ".curve or " + prefix + ".plain.");
        }
        return new Security(curve, plain, StreamZapAccess.resolve(name, settings, plain, zapAuthenticatorPresent));
    }

    /** Sets a new socket up as the stream's settings say, before it binds or connects. */
    private void configure(String name, ZmqProperties.Stream settings, Security security, ZMQ.Socket socket) {
        SocketOptions.apply("zmq.streams." + name, settings, socket);
        if (security.curve() != null) {
            security.curve().applyTo(socket);
        }
        if (security.plain() != null) {
            security.plain().applyTo(socket);
        }
        if (security.access() != null) {
            // The domain names the stream's rules in the context's one ZAP handler.
            socket.setZAPDomain(security.access().domain());
        }
        for (ZmqSocketCustomizer customizer : socketCustomizers) {
            customizer.customize(name, socket);
        }
    }

    /** Gives the handler the stream's rules for its domain, and watches its certificates. */
    private void applyRules(String prefix, Duration reloadInterval, StreamZapAccess access, ZapHandler zap) {
        if (access.policy() == null) {
            return;
        }
        String domain = access.domain();
        synchronized (domainRules) {
            String owner = domainRules.putIfAbsent(domain, prefix);
            if (owner != null && !owner.equals(prefix)) {
                throw new ZmqConfigurationException(prefix + ".zap-domain", "the ZAP domain '" + domain + "' has the rules "
                        + "of " + owner + " already", "Set the allowed clients or users on one stream of the domain only, "
                        + "or give this stream a domain of its own.");
            }
        }
        zap.setPolicy(domain, access.policy());
        CurveClientPolicy curveClients = access.curveClients();
        if (curveClients != null && curveClients.certificates().isWatched() && !reloadInterval.isNegative() && !reloadInterval.isZero()) {
            ZapPolicy rules = access.policy();
            certificateWatcher.watch(curveClients.certificates(), reloadInterval,
                    keys -> zap.setPolicy(domain, rules.withClientKeys(keys)));
        }
    }

    private synchronized ZapHandler zapHandler(String property) {
        if (sharedZapHandler == null) {
            try {
                sharedZapHandler = zapHandler.get();
            }
            catch (RuntimeException ex) {
                throw new ZmqConfigurationException(property, "needs the context's ZAP handler: " + refusal(ex),
                        "Remove the application's own ZAP handler (" + ZapHandler.ENDPOINT + ") from the shared context, or "
                                + "the allowed and denied clients from the streams.", ex);
            }
        }
        return sharedZapHandler;
    }

    /** Why the ZAP handler could not be made, as it says, under what a bean factory wrapped around it. */
    private static String refusal(RuntimeException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException) {
                return cause.getMessage();
            }
        }
        return ex.getMessage();
    }

    private static SocketType requireType(String prefix, ZmqProperties.Stream settings) {
        return StreamSocketTypes.require(prefix, settings.getType());
    }

    /** The connection monitor's settings: durations that can work, and none that needs a monitor without one. */
    private static void checkMonitor(String prefix, ZmqProperties.Stream settings) {
        Duration healAfter = settings.getHandshakeHealAfter();
        if (healAfter == null || healAfter.isNegative()) {
            throw new ZmqConfigurationException(prefix + ".handshake-heal-after", "is " + healAfter + ", not zero or more",
                    "Set " + prefix + ".handshake-heal-after to zero (never heal) or more, such as 200ms.");
        }
        Duration maxTimeWithoutPeer = settings.getMaxTimeWithoutPeer();
        if (maxTimeWithoutPeer == null) {
            return;
        }
        if (maxTimeWithoutPeer.isNegative() || maxTimeWithoutPeer.isZero()) {
            throw new ZmqConfigurationException(prefix + ".max-time-without-peer", "is " + maxTimeWithoutPeer
                    + ", not more than zero", "Set " + prefix + ".max-time-without-peer to more than zero, such as 30s, "
                    + "or remove it.");
        }
        if (!settings.isMonitor()) {
            throw new ZmqConfigurationException(prefix + ".max-time-without-peer", "is set, but " + prefix
                    + ".monitor is false, so the stream does not know its peers",
                    "Remove " + prefix + ".max-time-without-peer, or set " + prefix + ".monitor to true.");
        }
    }

    private static SendQueueOptions sendQueueOptions(String prefix, ZmqProperties.Stream.SendQueue settings) {
        try {
            return new SendQueueOptions(settings.getCapacity(), settings.getOverflowPolicy(), settings.getBlockTimeout());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new ZmqConfigurationException(prefix, ex.getMessage(),
                    "Set " + prefix + ".capacity to at least 1, and " + prefix + ".block-timeout to zero or more.", ex);
        }
    }

    private ZMQ.Socket createSocket(String prefix, SocketType type) {
        try {
            return context.createSocket(type);
        }
        catch (RuntimeException ex) {
            throw new ZmqConfigurationException(prefix + ".type", "JeroMQ cannot create a " + type + " socket: "
                    + ex.getMessage(), "Choose another socket type for " + prefix + ".type.", ex);
        }
    }

    /** Stops reading the CURVE servers' certificates again; the streams are closed by their registry. */
    @Override
    public void close() {
        certificateWatcher.close();
    }
}
