package io.zmqstream.template;

import io.zmqstream.request.ZmqRequester;

/**
 * Called for each requester {@link ZmqTemplate} makes, once, before its first request: for
 * metrics, or a completion listener of the application's own.
 */
@FunctionalInterface
public interface ZmqRequesterCustomizer {

    /**
     * Customizes a new requester.
     *
     * @param streamName the name of the stream it makes requests on
     * @param requester the requester
     */
    void customize(String streamName, ZmqRequester requester);
}
