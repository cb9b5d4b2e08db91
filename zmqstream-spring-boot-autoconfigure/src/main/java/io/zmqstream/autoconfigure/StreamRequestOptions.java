package io.zmqstream.autoconfigure;

import java.util.HashMap;
import java.util.Map;

import io.zmqstream.request.RequestOptions;

/**
 * The request settings of each configured stream, from {@code zmq.streams.<name>.requests},
 * checked when the application starts: a value ZeroMQ's requests cannot take fails start-up,
 * naming its property.
 */
final class StreamRequestOptions {

    private final Map<String, RequestOptions> byStream = new HashMap<>();

    StreamRequestOptions(ZmqProperties properties) {
        properties.getStreams().forEach((name, stream) -> byStream.put(name, options(name, stream.getRequests())));
    }

    /** The settings of a stream; the defaults for a stream the application made itself. */
    RequestOptions of(String streamName) {
        return byStream.getOrDefault(streamName, RequestOptions.defaults());
    }

    private static RequestOptions options(String name, StreamRequestProperties requests) {
        String prefix = "zmq.streams." + name + ".requests.";
        if (requests.getTimeout() == null || requests.getTimeout().isNegative() || requests.getTimeout().isZero()) {
            throw new ZmqConfigurationException(prefix + "timeout", "a reply timeout must be positive, was "
                    + requests.getTimeout(), "Set it to a positive duration, such as 5s.");
        }
        if (requests.getRetries() < 0) {
            throw new ZmqConfigurationException(prefix + "retries", "must not be negative, was " + requests.getRetries(),
                    "Set it to 0 for no retry, or to the resends a request may take.");
        }
        if (requests.getRetryBackoff() == null || requests.getRetryBackoff().isNegative()) {
            throw new ZmqConfigurationException(prefix + "retry-backoff", "must not be negative, was "
                    + requests.getRetryBackoff(), "Set it to 0 to resend at once, or to a positive duration.");
        }
        if (requests.getMaxInFlight() < 1) {
            throw new ZmqConfigurationException(prefix + "max-in-flight", "must be at least 1, was "
                    + requests.getMaxInFlight(), "Set it to the most requests that may wait for replies at once.");
        }
        return new RequestOptions(requests.getTimeout(), requests.getRetries(), requests.getRetryBackoff(),
                requests.getMaxInFlight());
    }
}
