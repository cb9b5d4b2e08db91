package io.zmqstream.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import io.zmqstream.ZMQStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * Binds, connects and subscribes a stream as {@code zmq.streams.<name>.bind}, {@code .connect} and
 * {@code .subscribe} say, turning ZeroMQ's refusals into errors that name the property.
 */
final class StreamEndpoints {

    private static final Logger log = LoggerFactory.getLogger(StreamEndpoints.class);

    private StreamEndpoints() {
    }

    /**
     * Fails unless every endpoint is well formed, a stream that opens at start-up has one, and
     * {@code subscribe} suits the socket type.
     *
     * @param prefix the stream's property prefix
     * @param settings the stream's settings
     */
    static void check(String prefix, ZmqProperties.Stream settings) {
        if (settings.isAutoStartup() && settings.getBind().isEmpty() && settings.getConnect().isEmpty()) {
            throw new ZmqConfigurationException(prefix + ".bind", "the stream has neither bind nor connect endpoints",
                    "Set " + prefix + ".bind or " + prefix + ".connect, or set " + prefix
                            + ".auto-startup to false if the application opens the stream itself.");
        }
        checkAll(prefix + ".bind", settings.getBind(), true);
        checkAll(prefix + ".connect", settings.getConnect(), false);
        checkSendBufferSize(prefix, settings);
        if (!settings.getSubscribe().isEmpty() && !subscribes(settings.getType())) {
            throw new ZmqConfigurationException(prefix + ".subscribe",
                    "only SUB and XSUB sockets subscribe, and this stream is a " + settings.getType(),
                    "Remove " + prefix + ".subscribe, or set " + prefix + ".type to SUB.");
        }
    }

    /** JeroMQ 0.6.0's tcp listener sets SO_SNDBUF on its server channel, which Java refuses, so the bind fails. */
    private static void checkSendBufferSize(String prefix, ZmqProperties.Stream settings) {
        if (settings.getSendBufferSize() == null) {
            return;
        }
        settings.getBind().stream().map(String::trim).filter(endpoint -> endpoint.startsWith("tcp://")).findFirst()
                .ifPresent(endpoint -> {
                    throw new ZmqConfigurationException(prefix + ".send-buffer-size", "JeroMQ 0.6.0 cannot bind " + endpoint
                            + " with it: its tcp listener sets SO_SNDBUF, which Java's server sockets refuse",
                            "Remove " + prefix + ".send-buffer-size from a stream that binds tcp, or set it on the "
                                    + "streams that connect to it.");
                });
    }

    private static void checkAll(String property, List<String> endpoints, boolean bind) {
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointSyntax.check(property + "[" + i + "]", endpoints.get(i), bind);
        }
    }

    private static boolean subscribes(SocketType type) {
        return type == SocketType.SUB || type == SocketType.XSUB;
    }

    /**
     * Binds, connects and subscribes the stream.
     *
     * @param prefix the stream's property prefix
     * @param settings the stream's settings
     * @param stream the stream
     * @throws ZmqConfigurationException when ZeroMQ refuses an endpoint, such as an address in use
     */
    static void open(String prefix, ZmqProperties.Stream settings, ZMQStream stream) {
        openAll(prefix + ".bind", settings.getBind(), stream::bind);
        warnIfReachableInClear(prefix, settings);
        openAll(prefix + ".connect", settings.getConnect(), stream::connect);
        for (String topic : settings.getSubscribe()) {
            subscribe(stream, settings.getType(), topic);
        }
    }

    /** One warning for a stream that binds beyond this host without CURVE: anyone there may talk to it. */
    private static void warnIfReachableInClear(String prefix, ZmqProperties.Stream settings) {
        ZmqProperties.Stream.Curve curve = settings.getCurve();
        if (curve.isServer() || curve.getServerKey() != null || curve.getServerKeyFile() != null) {
            return;
        }
        settings.getBind().stream().filter(endpoint -> !EndpointSyntax.isLocal(endpoint)).findFirst()
                .ifPresent(endpoint -> log.warn("{} binds {} without CURVE: any host that reaches it can send to it and "
                        + "read what it sends, in clear text. Set {}.curve.server and its keys to encrypt, and "
                        + "{}.curve.allowed-clients to choose who gets in.", prefix, endpoint.trim(), prefix, prefix));
    }

    private static void openAll(String property, List<String> endpoints, Predicate<String> action) {
        for (int i = 0; i < endpoints.size(); i++) {
            String endpoint = endpoints.get(i).trim();
            String indexed = property + "[" + i + "]";
            boolean done;
            try {
                done = action.test(endpoint);
            }
            catch (ZMQException ex) {
                throw refused(indexed, endpoint, ex);
            }
            if (!done) {
                throw refused(indexed, endpoint, null);
            }
        }
    }

    /** Why ZeroMQ refused an endpoint: {@code ex} is {@code null} when it said no without an error. */
    private static ZmqConfigurationException refused(String property, String endpoint, ZMQException ex) {
        if (ex != null && ex.getErrorCode() == ZMQ.Error.EADDRINUSE.getCode()) {
            return new ZmqConfigurationException(property, "the address of '" + endpoint + "' is already in use",
                    "Set " + property + " to a free port, or stop the process that is bound to it.", ex);
        }
        return new ZmqConfigurationException(property,
                "ZeroMQ refused '" + endpoint + "'" + (ex == null ? "" : ": " + ex.getMessage()),
                "Check " + property + ": the interface must exist on this machine and the port be free.", ex);
    }

    /**
     * Sends an XSUB's configured subscriptions upstream again, from a new socket; a SUB's new socket
     * has its subscriptions from the stream already.
     */
    static void resubscribeUpstream(ZmqProperties.Stream settings, ZMQStream stream) {
        if (settings.getType() == SocketType.XSUB) {
            settings.getSubscribe().forEach(topic -> subscribe(stream, SocketType.XSUB, topic));
        }
    }

    /** SUB subscribes with a socket option; XSUB sends the subscription upstream as a message. */
    private static void subscribe(ZMQStream stream, SocketType type, String topic) {
        if (type == SocketType.SUB) {
            stream.subscribe(topic);
            return;
        }
        byte[] prefix = topic.getBytes(StandardCharsets.UTF_8);
        byte[] subscription = new byte[prefix.length + 1];
        subscription[0] = 1;
        System.arraycopy(prefix, 0, subscription, 1, prefix.length);
        stream.send(subscription);
    }
}
