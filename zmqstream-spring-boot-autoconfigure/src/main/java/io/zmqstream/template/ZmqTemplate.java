package io.zmqstream.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.listener.JsonPayloadCodec;
import io.zmqstream.listener.ZmqListenerEndpointRegistry;
import io.zmqstream.listener.ZmqPayloads;
import io.zmqstream.request.RequestOptions;
import io.zmqstream.request.ZmqRequestException;
import io.zmqstream.request.ZmqRequester;
import io.zmqstream.request.ZmqRequesterClosedException;
import org.springframework.context.SmartLifecycle;
import org.zeromq.ZFrame;

/**
 * Sends to the application's streams by name, and makes requests that wait for their replies,
 * converting payloads as {@code @ZmqListener} methods do: {@code byte[]}, {@code String}, frames
 * ({@code List<byte[]>}, {@code ZMsg}) and JSON with the application's mapper.
 *
 * <p>{@link #sendAndReceive} works over a DEALER stream (many requests in flight, matched to
 * their replies by a correlation envelope that REP servers, ROUTERs that return the envelope and
 * brokers echo unchanged) or a REQ stream (one request at a time). Each stream used so gets a
 * {@link ZmqRequester} on first use, with the stream's {@code zmq.streams.<name>.requests}
 * settings; the requester reads the stream's replies, so a stream used for requests has no
 * listener. Futures complete off the loop thread.
 *
 * <p>When the application stops, after its web server and listeners, every request still waiting
 * fails at once with {@link ZmqRequesterClosedException}; requests made after a restart get new
 * requesters.
 */
public class ZmqTemplate implements SmartLifecycle {

    /** The name of each request's Observation, when observations are on. */
    public static final String OBSERVATION = "zmq.request";

    private final Function<String, ZMQStream> streams;
    private final Function<String, RequestOptions> requestOptions;
    private final JsonPayloadCodec json;
    private final Executor completions;
    private final List<ZmqRequesterCustomizer> customizers;
    private final Map<String, ZmqRequester> requesters = new ConcurrentHashMap<>();
    private volatile ObservationRegistry observations = ObservationRegistry.NOOP;
    private volatile boolean running;

    /**
     * Creates a template.
     *
     * @param streams finds a stream by name; throws {@link IllegalArgumentException} for an unknown one
     * @param requestOptions the request settings of a stream, by name
     * @param json writes and reads JSON payloads, or {@code null} without Jackson 3
     * @param completions where request futures complete
     * @param customizers applied to each requester made
     */
    public ZmqTemplate(Function<String, ZMQStream> streams, Function<String, RequestOptions> requestOptions,
            JsonPayloadCodec json, Executor completions, List<ZmqRequesterCustomizer> customizers) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.requestOptions = Objects.requireNonNull(requestOptions, "requestOptions");
        this.json = json;
        this.completions = Objects.requireNonNull(completions, "completions");
        this.customizers = List.copyOf(customizers);
    }

    /**
     * Sends a payload on a stream, converted to frames; thread-safe, as the stream's sends are.
     *
     * @param streamName the stream's name
     * @param payload {@code byte[]}, {@code String}, frames, or a value sent as JSON
     * @throws IllegalArgumentException when there is no such stream
     * @throws IllegalStateException when the payload cannot be converted
     */
    public void send(String streamName, Object payload) {
        streams.apply(streamName).sendMultipart(frames(streamName, payload));
    }

    /**
     * Sends a request and reads its reply as {@code replyType}, with the stream's reply timeout.
     *
     * @param <R> the reply's type
     * @param streamName a DEALER or REQ stream
     * @param request the request's payload, converted as by {@link #send}
     * @param replyType {@code byte[]}, {@code String}, {@code List} (the frames), {@code ZMsg} or a JSON type
     * @return the reply; fails with a {@link ZmqRequestException} (a timeout, a rejection, a close,
     *         or a reply of another type)
     */
    public <R> CompletableFuture<R> sendAndReceive(String streamName, Object request, Class<R> replyType) {
        return sendAndReceive(streamName, request, replyType, null);
    }

    /**
     * Sends a request and reads its reply as {@code replyType}.
     *
     * @param <R> the reply's type
     * @param streamName a DEALER or REQ stream
     * @param request the request's payload
     * @param replyType the reply's type
     * @param timeout how long each attempt waits; {@code null} for the stream's reply timeout
     * @return the reply, or a failed future as for {@link #sendAndReceive(String, Object, Class)}
     */
    public <R> CompletableFuture<R> sendAndReceive(String streamName, Object request, Class<R> replyType,
            Duration timeout) {
        Objects.requireNonNull(replyType, "replyType");
        ZmqRequester requester = requester(streamName);
        List<byte[]> body = bytes(frames(streamName, request));
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName(streamName + " request").lowCardinalityKeyValue("stream", streamName)
                .lowCardinalityKeyValue("messaging.system", "zeromq").start();
        // In the request's scope, so that what the stream sends for it (a trace context) is the request's.
        CompletableFuture<List<byte[]>> reply = observation.scoped(() -> timeout == null ? requester.request(body)
                : requester.request(body, timeout));
        return reply.thenApply(frames -> read(streamName, frames, replyType)).whenComplete((value, failure) -> {
            if (failure != null) {
                observation.error(failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure);
            }
            observation.stop();
        });
    }

    /**
     * Makes each request of {@link #sendAndReceive} a Micrometer Observation named
     * {@value #OBSERVATION}, tagged {@code stream} and {@code messaging.system}, from the call to its
     * end; none by default.
     *
     * @param registry the registry, {@link ObservationRegistry#NOOP} for none
     */
    public void setObservationRegistry(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Sends a request and waits for its reply, read as {@code replyType}: at most the stream's reply
     * timeout for each attempt the retries allow.
     *
     * @param <R> the reply's type
     * @param streamName a DEALER or REQ stream
     * @param request the request's payload
     * @param replyType the reply's type
     * @return the reply
     * @throws ZmqRequestException when no reply came, the request was refused or the template
     *         closed, or the reply is not a {@code replyType}
     */
    public <R> R convertSendAndReceive(String streamName, Object request, Class<R> replyType) {
        try {
            return sendAndReceive(streamName, request, replyType).join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    /**
     * The requesters made so far, by stream name: for metrics and the actuator.
     *
     * @return a snapshot
     */
    public Map<String, ZmqRequester> getRequesters() {
        return Map.copyOf(requesters);
    }

    /** Opens the template to requests; part of the application's lifecycle. */
    @Override
    public void start() {
        running = true;
    }

    /** Fails every waiting request at once, and closes the requesters; part of the application's lifecycle. */
    @Override
    public void stop() {
        running = false;
        requesters.values().forEach(ZmqRequester::close);
        requesters.clear();
    }

    /**
     * Whether the template is open to requests.
     *
     * @return {@code true} between start and stop
     */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The phase: the listeners', after the web server's and before the loop's, so that requests end
     * before their streams close.
     *
     * @return {@link ZmqListenerEndpointRegistry#PHASE}
     */
    @Override
    public int getPhase() {
        return ZmqListenerEndpointRegistry.PHASE;
    }

    private ZmqRequester requester(String streamName) {
        if (!running) {
            throw new ZmqRequesterClosedException(streamName);
        }
        return requesters.computeIfAbsent(streamName, name -> {
            ZmqRequester requester = new ZmqRequester(streams.apply(name), requestOptions.apply(name), completions);
            customizers.forEach(customizer -> customizer.customize(name, requester));
            return requester;
        });
    }

    private List<Object> frames(String streamName, Object payload) {
        Objects.requireNonNull(payload, "payload");
        try {
            return ZmqPayloads.toFrames(payload, json, false);
        }
        catch (RuntimeException ex) {
            throw ex;
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot convert a " + payload.getClass().getName() + " for stream '"
                    + streamName + "': " + ex.getMessage(), ex);
        }
    }

    private static List<byte[]> bytes(List<Object> frames) {
        return frames.stream().map(frame -> frame instanceof byte[] bytes ? bytes
                : ((ZFrame) frame).getData()).toList();
    }

    private <R> R read(String streamName, List<byte[]> frames, Class<R> replyType) {
        try {
            return ZmqPayloads.fromFrames(frames, replyType, json);
        }
        catch (Exception ex) {
            throw new ZmqReplyConversionException(streamName, replyType, ex);
        }
    }
}
