package io.zmqstream.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.zmqstream.JeroMqRuntime;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.ZmqListenerEndpoint;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code zmq} actuator endpoint: {@code GET /actuator/zmq} shows the loop and every stream,
 * {@code GET /actuator/zmq/{stream}} one stream, and {@code POST /actuator/zmq/{stream}} with
 * {@code {"action": "pause"}} or {@code {"action": "resume"}} pauses or resumes the stream's
 * listeners (messages wait in ZeroMQ's queue meanwhile). Keys and message contents never appear.
 */
@Endpoint(id = "zmq")
public class ZmqEndpoint {

    private final StreamDescriptions descriptions;
    private final ProxyDescriptions proxies;

    /**
     * Creates the endpoint.
     *
     * @param descriptions what it shows of the loop and the streams
     * @param proxies what it shows of the proxies, or {@code null} when there are none
     */
    public ZmqEndpoint(StreamDescriptions descriptions, ProxyDescriptions proxies) {
        this.descriptions = descriptions;
        this.proxies = proxies;
    }

    /**
     * The loop, every stream and every proxy.
     *
     * @return their descriptions
     */
    @ReadOperation
    public ZmqDescriptor zmq() {
        return new ZmqDescriptor(RuntimeDescriptor.of(JeroMqRuntime.current()), descriptions.loop(),
                descriptions.streams(), proxies == null ? Map.of() : proxies.proxies());
    }

    /**
     * One proxy, at {@code /actuator/zmq/proxies/{name}}.
     *
     * @param group {@code proxies}
     * @param name the proxy's name
     * @return its description, or {@code null} (404) when there is no such proxy
     */
    @ReadOperation
    public ProxyDescriptions.ProxyDescriptor proxy(@Selector String group, @Selector String name) {
        return "proxies".equals(group) && proxies != null ? proxies.proxy(name) : null;
    }

    /**
     * Pauses or resumes a proxy, at {@code /actuator/zmq/proxies/{name}}.
     *
     * @param group {@code proxies}
     * @param name the proxy's name
     * @param action {@code pause} or {@code resume}
     * @return the proxy's description afterwards (its new state shows once the loop has applied it)
     * @throws InvalidEndpointRequestException (400) for a proxy that does not exist or has not started,
     *         or an action that is neither {@code pause} nor {@code resume}
     */
    @WriteOperation
    public ProxyDescriptions.ProxyDescriptor steerProxy(@Selector String group, @Selector String name, String action) {
        if (!"proxies".equals(group) || proxies == null || proxies.proxy(name) == null) {
            throw new InvalidEndpointRequestException("There is no proxy named '" + name + "'", "No such proxy");
        }
        boolean pause = switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "pause" -> true;
            case "resume" -> false;
            default -> throw new InvalidEndpointRequestException("Unknown action '" + action
                    + "'; use \"pause\" or \"resume\"", "Unknown action");
        };
        try {
            proxies.steer(name, pause);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidEndpointRequestException(ex.getMessage(), "Proxy not started");
        }
        return proxies.proxy(name);
    }

    /**
     * One stream.
     *
     * @param name the stream's name
     * @return its description, or {@code null} (404) when there is no such stream
     */
    @ReadOperation
    public StreamDescriptions.StreamDescriptor stream(@Selector String name) {
        return descriptions.stream(name);
    }

    /**
     * Pauses or resumes the listeners of one stream.
     *
     * @param name the stream's name
     * @param action {@code pause} or {@code resume}
     * @return the stream's description afterwards
     * @throws InvalidEndpointRequestException (400) for a stream that does not exist or has no
     *         listener, an action that is neither {@code pause} nor {@code resume}, or a resume of a
     *         listener that is not started
     */
    @WriteOperation
    public StreamDescriptions.StreamDescriptor listeners(@Selector String name, String action) {
        ZMQStream stream = descriptions.find(name);
        if (stream == null) {
            throw new InvalidEndpointRequestException("There is no stream named '" + name + "'", "No such stream");
        }
        List<ZmqListenerEndpoint> listeners = descriptions.listenersOf(stream);
        if (listeners.isEmpty()) {
            throw new InvalidEndpointRequestException("Stream '" + name + "' has no @ZmqListener",
                    "Stream has no listener");
        }
        try {
            switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
                case "pause" -> listeners.forEach(ZmqListenerEndpoint::pause);
                case "resume" -> listeners.forEach(ZmqListenerEndpoint::resume);
                default -> throw new InvalidEndpointRequestException("Unknown action '" + action
                        + "'; use \"pause\" or \"resume\"", "Unknown action");
            }
        }
        catch (IllegalStateException ex) {
            throw new InvalidEndpointRequestException(ex.getMessage(), "Listener cannot " + action);
        }
        return descriptions.describe(stream);
    }

    /**
     * The JeroMQ runtime, the loop, every stream and every proxy.
     *
     * @param runtime the JeroMQ on the class path
     * @param loop the loop
     * @param streams the streams by name
     * @param proxies the proxies by name
     */
    public record ZmqDescriptor(RuntimeDescriptor runtime, StreamDescriptions.LoopDescriptor loop,
            Map<String, StreamDescriptions.StreamDescriptor> streams,
            Map<String, ProxyDescriptions.ProxyDescriptor> proxies) implements OperationResponseBody {
    }

    /**
     * The JeroMQ the application runs on.
     *
     * @param artifact its Maven group and artifact, such as {@code org.zeromq:jeromq}
     * @param version its version
     * @param unixDomainIpc whether {@code ipc://} endpoints are Unix domain sockets
     */
    public record RuntimeDescriptor(String artifact, String version, boolean unixDomainIpc) {

        static RuntimeDescriptor of(JeroMqRuntime runtime) {
            return new RuntimeDescriptor(runtime.artifact(), runtime.version(), runtime.hasUnixDomainIpc());
        }
    }
}
