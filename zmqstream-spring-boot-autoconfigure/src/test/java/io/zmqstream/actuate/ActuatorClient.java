package io.zmqstream.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.zmqstream.autoconfigure.TestPeers.TIMEOUT;

/** Plain HTTP calls to the actuator of an application listening on a local port. */
final class ActuatorClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.shared();
    private final String base;

    ActuatorClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** GET of a path such as {@code /actuator/zmq}: the whole response. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET of a path whose answer must be 200, read as JSON. */
    JsonNode getJson(String path) {
        return read(path, get(path));
    }

    /** POST of a JSON body to a path whose answer must be 200, read as JSON. */
    JsonNode postJson(String path, String body) {
        return read(path, post(path, body));
    }

    /** POST of a JSON body: the whole response. */
    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body read as JSON. */
    JsonNode parse(String body) {
        return json.readTree(body);
    }

    /** One statistic, such as {@code COUNT} or {@code VALUE}, of a {@code /actuator/metrics/...} answer. */
    static double statistic(JsonNode metric, String statistic) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals(statistic)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("No " + statistic + " in " + metric);
    }

    private JsonNode read(String path, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("The actuator did not answer", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while calling the actuator", ex);
        }
    }
}
