/**
 * Request/reply over a DEALER or REQ stream ({@link io.zmqstream.request.ZmqRequester}): a future
 * per request, matched to its reply by a correlation envelope that servers echo unchanged, with
 * timeouts, retries, a bound on requests in flight, and counters
 * ({@link io.zmqstream.request.RequestStatistics}).
 */
package io.zmqstream.request;
