package io.zmqstream.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.zmqstream.LoopLagMonitor;
import io.zmqstream.SendFailure;
import io.zmqstream.StreamConnections;
import io.zmqstream.StreamStatistics;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.listener.ZmqListenerEndpoint;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.request.RequestOptions;
import io.zmqstream.request.RequestStatistics;
import io.zmqstream.request.ZmqRequester;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the actuator endpoint and the health indicator show of the loop and the streams: their
 * state, endpoints and counts, never keys or message contents. Needs neither actuator module.
 *
 * <p>It reads the named streams open on the shared loop (every configured stream and stream bean is
 * named), so that looking never creates a bean or a socket.
 */
public final class StreamDescriptions {

    private final ZmqIoLoop loop;
    private final LoopLagMonitor lag;
    private final ObjectProvider<ZmqListenerEndpointRegistry> listeners;
    private final List<ZmqIoLoop> otherLoops;
    private final Supplier<Map<String, ZmqRequester>> requesters;

    /**
     * Creates the descriptions of the shared loop's streams.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     * @param listeners the listener registry, when there is one
     */
    public StreamDescriptions(ZmqIoLoop loop, LoopLagMonitor lag, ObjectProvider<ZmqListenerEndpointRegistry> listeners) {
        this(loop, lag, listeners, List.of(), Map::of);
    }

    /**
     * Creates the descriptions of the streams of the shared loop and of other loops, such as the
     * dedicated loops of proxies.
     *
     * @param loop the shared loop
     * @param lag its lag monitor
     * @param listeners the listener registry, when there is one
     * @param otherLoops loops whose streams are listed too
     * @param requesters the template's requesters by stream name, whose requests are shown with their streams
     */
    public StreamDescriptions(ZmqIoLoop loop, LoopLagMonitor lag, ObjectProvider<ZmqListenerEndpointRegistry> listeners,
            Collection<ZmqIoLoop> otherLoops, Supplier<Map<String, ZmqRequester>> requesters) {
        this.loop = loop;
        this.lag = lag;
        this.listeners = listeners;
        this.otherLoops = List.copyOf(otherLoops);
        this.requesters = requesters;
    }

    /** The open streams of every loop: the shared one's first. */
    private List<ZMQStream> allStreams() {
        List<ZMQStream> streams = new ArrayList<>(loop.getStreams());
        otherLoops.forEach(other -> streams.addAll(other.getStreams()));
        return streams;
    }

    /**
     * The loop now.
     *
     * @return the loop's description
     */
    public LoopDescriptor loop() {
        return new LoopDescriptor(loop.getThreadName(), loop.isRunning(), lag.getLag(), loop.getPendingTasks());
    }

    /**
     * Every named stream open on the loop now, by name.
     *
     * @return the descriptions, in the order the streams were created
     */
    public Map<String, StreamDescriptor> streams() {
        Map<String, StreamDescriptor> descriptions = new LinkedHashMap<>();
        for (ZMQStream stream : allStreams()) {
            if (stream.getName() != null) {
                descriptions.putIfAbsent(stream.getName(), describe(stream));
            }
        }
        return descriptions;
    }

    /**
     * One stream now.
     *
     * @param name the stream's name
     * @return its description, or {@code null} when there is no such stream
     */
    public StreamDescriptor stream(String name) {
        ZMQStream stream = find(name);
        return stream == null ? null : describe(stream);
    }

    /**
     * The stream of that name.
     *
     * @param name the stream's name
     * @return the stream, or {@code null} when there is none
     */
    public ZMQStream find(String name) {
        return allStreams().stream().filter(stream -> name.equals(stream.getName())).findFirst().orElse(null);
    }

    /**
     * The listeners that receive from a stream.
     *
     * @param stream the stream
     * @return its listeners, none when there is no listener registry
     */
    public List<ZmqListenerEndpoint> listenersOf(ZMQStream stream) {
        ZmqListenerEndpointRegistry registry = listeners.getIfAvailable();
        return registry == null ? List.of()
                : registry.getListeners().stream().filter(listener -> listener.getStream() == stream).toList();
    }

    /**
     * A stream now.
     *
     * @param stream the stream
     * @return its description
     */
    public StreamDescriptor describe(ZMQStream stream) {
        StreamStatistics statistics = stream.getStatistics();
        Map<String, Long> failures = new LinkedHashMap<>();
        for (SendFailure.Reason reason : SendFailure.Reason.values()) {
            failures.put(reason.label(), statistics.getSendFailures(reason));
        }
        List<ListenerDescriptor> listenerDescriptors = listenersOf(stream).stream()
                .map(listener -> new ListenerDescriptor(listener.getId(), listener.getMethod().toGenericString(),
                        listener.isRunning(), listener.isPaused(), listener.getFailureCount(),
                        listener.getConversionFailureCount(), listener.getRetryCount(), listener.getDeadLetterCount(),
                        listener.getRefusedDeadLetterCount()))
                .toList();
        return new StreamDescriptor(stream.getSocketType().name(), stream.getBoundEndpoints(),
                stream.getConnectedEndpoints(), stream.isReceiving(), stream.isSending(), stream.isClosed(),
                statistics.getQueueDepth(), statistics.getMessagesSent(), statistics.getMessagesReceived(),
                statistics.getBytesSent(), statistics.getBytesReceived(), failures, statistics.getCallbackErrors(),
                stream.getConnections(), listenerDescriptors, requests(stream));
    }

    /** The template's requests on the stream, or {@code null} when it made none there. */
    private RequestsDescriptor requests(ZMQStream stream) {
        ZmqRequester requester = stream.getName() == null ? null : requesters.get().get(stream.getName());
        if (requester == null || requester.getStream() != stream) {
            return null;
        }
        RequestStatistics statistics = requester.getStatistics();
        RequestOptions options = requester.getOptions();
        return new RequestsDescriptor(statistics.getPending(), statistics.getRequests(), statistics.getReplies(),
                statistics.getTimeouts(), statistics.getRetries(), statistics.getLateReplies(), statistics.getRejected(),
                statistics.getClosed(), options.timeout(), options.retries(), options.maxInFlight());
    }

    /**
     * The loop.
     *
     * @param thread the loop thread's name
     * @param running whether the thread runs
     * @param lag how late it runs its timers
     * @param pendingTasks tasks queued for it
     */
    public record LoopDescriptor(String thread, boolean running, Duration lag, int pendingTasks) {
    }

    /**
     * One stream.
     *
     * @param type the socket type
     * @param bind the endpoints it is bound to
     * @param connect the endpoints it is connected to
     * @param receiving whether it has a receive callback
     * @param sending whether messages wait to be sent
     * @param closed whether it is closed
     * @param queueDepth messages in its send queue
     * @param messagesSent messages the socket took
     * @param messagesReceived messages received
     * @param bytesSent bytes sent
     * @param bytesReceived bytes received
     * @param sendFailures messages not sent, by reason
     * @param callbackErrors callbacks that threw
     * @param connections its connections per endpoint, when it watches them
     * @param listeners the {@code @ZmqListener} methods on it
     * @param requests the template's requests on it, {@code null} when it made none
     */
    public record StreamDescriptor(String type, List<String> bind, List<String> connect, boolean receiving,
            boolean sending, boolean closed, int queueDepth, long messagesSent, long messagesReceived, long bytesSent,
            long bytesReceived, Map<String, Long> sendFailures, long callbackErrors, StreamConnections connections,
            List<ListenerDescriptor> listeners, RequestsDescriptor requests) {
    }

    /**
     * The template's requests on one stream.
     *
     * @param pending waiting for their replies now
     * @param requests made
     * @param replies answered
     * @param timeouts failed without a reply
     * @param retries resends
     * @param lateReplies replies no waiting request took
     * @param rejected not sent
     * @param closed failed by a close
     * @param timeout the reply timeout of one attempt
     * @param maxRetries the resends a request may take
     * @param maxInFlight the most requests waiting at once
     */
    public record RequestsDescriptor(int pending, long requests, long replies, long timeouts, long retries,
            long lateReplies, long rejected, long closed, Duration timeout, int maxRetries, int maxInFlight) {
    }

    /**
     * One listener.
     *
     * @param id its id
     * @param method the annotated method
     * @param running whether it is started
     * @param paused whether it is paused
     * @param failures messages it failed on for good
     * @param conversionFailures messages whose arguments could not be made
     * @param retries attempts made again after a failure
     * @param deadLetters messages failed on that its dead-letter stream took
     * @param refusedDeadLetters messages failed on that its dead-letter stream could not take, lost
     */
    public record ListenerDescriptor(String id, String method, boolean running, boolean paused, long failures,
            long conversionFailures, long retries, long deadLetters, long refusedDeadLetters) {
    }
}
