package io.zmqstream.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * Creates the endpoint.
     *
     * @param descriptions what it shows
     */
    public ZmqEndpoint(StreamDescriptions descriptions) {
        this.descriptions = descriptions;
    }

    /**
     * The loop and every stream.
     *
     * @return their descriptions
     */
    @ReadOperation
    public ZmqDescriptor zmq() {
        return new ZmqDescriptor(descriptions.loop(), descriptions.streams());
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
     *         listener, or an action that is neither {@code pause} nor {@code resume}
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
        switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "pause" -> listeners.forEach(ZmqListenerEndpoint::pause);
            case "resume" -> listeners.forEach(ZmqListenerEndpoint::resume);
            default -> throw new InvalidEndpointRequestException("Unknown action '" + action
                    + "'; use \"pause\" or \"resume\"", "Unknown action");
        }
        return descriptions.describe(stream);
    }

    /**
     * The loop and every stream.
     *
     * @param loop the loop
     * @param streams the streams by name
     */
    public record ZmqDescriptor(StreamDescriptions.LoopDescriptor loop,
            Map<String, StreamDescriptions.StreamDescriptor> streams) implements OperationResponseBody {
    }
}
