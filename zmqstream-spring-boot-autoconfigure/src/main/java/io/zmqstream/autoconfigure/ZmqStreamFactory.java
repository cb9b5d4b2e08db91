package io.zmqstream.autoconfigure;

import java.util.Arrays;

import io.zmqstream.SendQueueOptions;
import io.zmqstream.JsonEncoder;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Makes a {@link ZMQStream} from {@code zmq.streams.<name>}: checks the settings, creates the
 * socket from the shared context, sets its options and CURVE keys and puts it on the shared loop.
 * Endpoints are opened separately ({@link ZmqStreamRegistry#open(String)}). Every setting that
 * cannot work fails with a {@link ZmqConfigurationException} naming the property, before any
 * socket is created where it can be checked that early.
 */
public class ZmqStreamFactory {

    private final ZContext context;
    private final ZmqIoLoop loop;
    private final JsonEncoder jsonEncoder;

    /**
     * Creates a factory for streams on a context and loop whose {@code sendJson} uses the core's default encoder.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop) {
        this(context, loop, null);
    }

    /**
     * Creates a factory for streams on a context and loop.
     *
     * @param context the context the sockets come from
     * @param loop the loop that drives the streams
     * @param jsonEncoder the encoder of the streams' {@code sendJson}, such as one on the application's
     *        {@code JsonMapper}; {@code null} for the core's default
     */
    public ZmqStreamFactory(ZContext context, ZmqIoLoop loop, JsonEncoder jsonEncoder) {
        this.context = context;
        this.loop = loop;
        this.jsonEncoder = jsonEncoder;
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
        String prefix = "zmq.streams." + name;
        SocketType type = requireType(prefix, settings);
        StreamEndpoints.check(prefix, settings);
        CurveKeys curve = CurveKeys.resolve(prefix + ".curve", settings.getCurve());
        SendQueueOptions queue = sendQueueOptions(prefix + ".send-queue", settings.getSendQueue());
        ZMQ.Socket socket = createSocket(prefix, type);
        try {
            SocketOptions.apply(prefix, settings, socket);
            if (curve != null) {
                curve.applyTo(socket);
            }
            ZMQStream stream = new ZMQStream(socket, loop, queue);
            stream.setName(name);
            stream.setJsonEncoder(jsonEncoder);
            return stream;
        }
        catch (RuntimeException ex) {
            socket.close();
            throw ex;
        }
    }

    private static SocketType requireType(String prefix, ZmqProperties.Stream settings) {
        if (settings.getType() == null) {
            throw new ZmqConfigurationException(prefix + ".type", "is not set",
                    "Set " + prefix + ".type to one of " + Arrays.toString(SocketType.values()) + ".");
        }
        return settings.getType();
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
}
