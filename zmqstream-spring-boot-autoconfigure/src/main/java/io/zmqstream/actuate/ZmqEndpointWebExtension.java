package io.zmqstream.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * The {@code zmq} endpoint's writes over HTTP: as {@link ZmqEndpoint}'s, but a refused request (no
 * such stream or proxy, no listener, an unknown action) answers 400 with its reason in a JSON body,
 * {@code {"status": 400, "error": "No such stream", "message": "There is no stream named 'x'", "path": ...}},
 * and is logged at INFO, where Spring's default error body would say only "Bad Request".
 */
@EndpointWebExtension(endpoint = ZmqEndpoint.class)
public class ZmqEndpointWebExtension {

    private static final Logger log = LoggerFactory.getLogger(ZmqEndpointWebExtension.class);

    private final ZmqEndpoint endpoint;

    /**
     * Creates the extension.
     *
     * @param endpoint the endpoint whose writes it answers
     */
    public ZmqEndpointWebExtension(ZmqEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Pauses or resumes the listeners of one stream, as {@link ZmqEndpoint#listeners(String, String)}.
     *
     * @param name the stream's name
     * @param action {@code pause} or {@code resume}
     * @return the stream's description afterwards, or a 400 answer saying why not
     */
    @WriteOperation
    public WebEndpointResponse<Object> listeners(@Selector String name, String action) {
        return answer("/actuator/zmq/" + name, () -> endpoint.listeners(name, action));
    }

    /**
     * Pauses or resumes a proxy, as {@link ZmqEndpoint#steerProxy(String, String, String)}.
     *
     * @param group {@code proxies}
     * @param name the proxy's name
     * @param action {@code pause} or {@code resume}
     * @return the proxy's description afterwards, or a 400 answer saying why not
     */
    @WriteOperation
    public WebEndpointResponse<Object> steerProxy(@Selector String group, @Selector String name, String action) {
        return answer("/actuator/zmq/" + group + "/" + name, () -> endpoint.steerProxy(group, name, action));
    }

    private static WebEndpointResponse<Object> answer(String path, Supplier<Object> write) {
        try {
            return new WebEndpointResponse<>(write.get(), WebEndpointResponse.STATUS_OK);
        }
        catch (InvalidEndpointRequestException ex) {
            log.info("Refused POST {}: {}", path, ex.getMessage());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", WebEndpointResponse.STATUS_BAD_REQUEST);
            body.put("error", ex.getReason());
            body.put("message", ex.getMessage());
            body.put("path", path);
            return new WebEndpointResponse<>(body, WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }
}
