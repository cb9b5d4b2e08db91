package io.zmqstream.request;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.zmqstream.StreamLifecycleListener;
import io.zmqstream.TraceContextFrame;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Request/reply over one DEALER or REQ stream, from any thread: {@link #request(List)} sends a
 * request and returns a future of its reply, with a timeout, retries (the Guide's Lazy Pirate) and
 * a bound on requests in flight. The requester owns the stream's receiving side; nothing else
 * should send or receive on the stream.
 *
 * <p>On a DEALER stream many requests are in flight at once, each behind a correlation id and an
 * empty delimiter ({@code [id, "", body...]}, the id 8 bytes big-endian) that REP servers,
 * ROUTERs returning the envelope and brokers between them echo; a reply is matched by its id, and
 * one that matches no waiting request (it came after its request gave up, or is not shaped as a
 * reply) is counted and dropped, never handed to another caller. A DEALER connected to several
 * servers spreads requests over them, and a resend goes to the next one.
 *
 * <p>On a REQ stream requests go one at a time, the others queued in order; the socket is made
 * relaxed and correlating ({@code ZMQ_REQ_RELAXED}, {@code ZMQ_REQ_CORRELATE}), so that a request
 * that timed out does not leave it stuck, as the Guide's Lazy Pirate rebuilds its socket for, and
 * JeroMQ itself drops a stale reply.
 *
 * <p>A timed-out attempt is resent, the same id and body, up to {@link RequestOptions#retries()}
 * times, after the back-off; a server may so see a request twice. Futures complete on the
 * executor given, never on the loop thread, so what a caller chains to them cannot hold up the
 * loop. Closing the requester or its stream fails every waiting request at once with
 * {@link ZmqRequesterClosedException}.
 */
public final class ZmqRequester implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZmqRequester.class);

    private final ZMQStream stream;
    private final ZmqIoLoop loop;
    private final RequestOptions options;
    private final Executor completions;
    private final boolean lockstep;
    private final RequestPermits permits;
    private final AtomicLong nextId = new AtomicLong(ThreadLocalRandom.current().nextLong());
    private final RequestStatistics statistics;
    private final StreamLifecycleListener closeWatch;
    // The loop thread's alone.
    private final Map<Long, PendingRequest> pending = new HashMap<>();
    private final Deque<PendingRequest> queued = new ArrayDeque<>();
    private PendingRequest inFlight;
    private volatile int pendingCount;
    private volatile boolean closed;
    private volatile RequestCompletionListener completionListener = (outcome, elapsed) -> {
    };

    /**
     * Takes over a stream's receiving side for requests.
     *
     * @param stream a DEALER or REQ stream with no receive callback yet
     * @param options timeouts, retries and the bound on requests in flight
     * @param completions where futures complete; not the loop
     * @throws IllegalArgumentException when the stream is of another type
     * @throws IllegalStateException when the stream already has a receive callback
     */
    public ZmqRequester(ZMQStream stream, RequestOptions options, Executor completions) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.options = Objects.requireNonNull(options, "options");
        this.completions = Objects.requireNonNull(completions, "completions");
        SocketType type = stream.getSocketType();
        if (type != SocketType.DEALER && type != SocketType.REQ) {
            throw new IllegalArgumentException("Requests need a DEALER or REQ stream, but " + stream + " is a " + type);
        }
        if (stream.isReceiving()) {
            throw new IllegalStateException(stream + " already has a receive callback (a listener?): a stream that "
                    + "makes requests reads its replies alone");
        }
        this.loop = stream.getIoLoop();
        this.lockstep = type == SocketType.REQ;
        this.permits = new RequestPermits(options.maxInFlight(), stream);
        this.statistics = new RequestStatistics(() -> pendingCount);
        if (lockstep) {
            stream.withSocket(socket -> {
                socket.setReqRelaxed(true);
                socket.setReqCorrelate(true);
            });
        }
        this.closeWatch = new StreamLifecycleListener() {
            @Override
            public void streamClosed(ZMQStream closedStream) {
                if (closedStream == stream) {
                    loop.removeStreamLifecycleListener(this);
                    failAll();
                }
            }
        };
        loop.addStreamLifecycleListener(closeWatch);
        stream.onRecv(this::replied);
    }

    /**
     * Sends a request and waits for its reply up to the options' timeout per attempt.
     *
     * @param body the request's frames, at least one
     * @return the reply's frames (without the correlation envelope); fails with a {@link ZmqRequestException}
     */
    public CompletableFuture<List<byte[]>> request(List<byte[]> body) {
        return request(body, options.timeout());
    }

    /**
     * Sends a request and waits for its reply up to {@code timeout} per attempt.
     *
     * @param body the request's frames, at least one
     * @param timeout how long each attempt waits; positive
     * @return the reply's frames; fails with {@link ZmqRequestTimeoutException} when no attempt got one,
     *         {@link ZmqRequestRejectedException} when the request could not be sent, and
     *         {@link ZmqRequesterClosedException} when the requester closed first
     */
    public CompletableFuture<List<byte[]>> request(List<byte[]> body, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (body.isEmpty()) {
            throw new IllegalArgumentException("A request has at least one frame");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A reply timeout must be positive, was " + timeout);
        }
        statistics.recordRequest();
        // The decorator's frame (a trace context) is taken here, where the caller's context is current.
        PendingRequest request = new PendingRequest(nextId.getAndIncrement(), List.copyOf(body), timeout,
                stream.tracing().decoration());
        if (closed) {
            end(request, RequestOutcome.CLOSED, new ZmqRequesterClosedException(streamName()));
            return request.future;
        }
        String refusal = permits.acquire(streamName());
        if (refusal != null) {
            end(request, RequestOutcome.REJECTED, new ZmqRequestRejectedException(streamName(), refusal));
            return request.future;
        }
        try {
            loop.execute(() -> start(request));
        }
        catch (RejectedExecutionException ex) {
            permits.release();
            end(request, RequestOutcome.CLOSED, new ZmqRequesterClosedException(streamName()));
        }
        return request.future;
    }

    /**
     * The requester's counters.
     *
     * @return its statistics
     */
    public RequestStatistics getStatistics() {
        return statistics;
    }

    /**
     * The stream the requests go over.
     *
     * @return the stream
     */
    public ZMQStream getStream() {
        return stream;
    }

    /**
     * The options requests are made with.
     *
     * @return the options
     */
    public RequestOptions getOptions() {
        return options;
    }

    /**
     * Hears each request end, for metrics; replaces the one set before.
     *
     * @param listener the listener
     */
    public void setCompletionListener(RequestCompletionListener listener) {
        this.completionListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Whether the requester closed.
     *
     * @return {@code true} once {@link #close()} ran or the stream closed
     */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Fails every waiting request with {@link ZmqRequesterClosedException} and gives the stream's
     * receiving side back; later requests fail the same way. Idempotent; the stream stays open.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        loop.removeStreamLifecycleListener(closeWatch);
        try {
            loop.runSync(() -> {
                failAll();
                if (!stream.isClosed()) {
                    stream.stopOnRecv();
                }
                return null;
            }, ZmqIoLoop.CLOSE_GRACE);
        }
        catch (RejectedExecutionException ex) {
            // The loop is gone, and with it the stream: its close failed what waited.
            closed = true;
        }
        catch (Exception ex) {
            closed = true;
            log.warn("Closing the requests of {} did not finish on its loop: {}", stream, ex.toString());
        }
    }

    @Override
    public String toString() {
        return "ZmqRequester[" + stream + "]";
    }

    /** The stream's name, or what names an unnamed one. */
    private String streamName() {
        return stream.getName() != null ? stream.getName() : stream.toString();
    }

    /** On the loop thread: the request joins those waiting, and goes out unless a REQ has one out. */
    private void start(PendingRequest request) {
        if (closed) {
            permits.release();
            end(request, RequestOutcome.CLOSED, new ZmqRequesterClosedException(streamName()));
            return;
        }
        pending.put(request.id, request);
        pendingCount = pending.size();
        if (lockstep && inFlight != null) {
            queued.add(request);
            return;
        }
        send(request);
    }

    private void send(PendingRequest request) {
        request.attempts++;
        if (lockstep) {
            inFlight = request;
        }
        try {
            stream.tracing().sendMultipartDecorated(wireFrames(request));
            if (lockstep) {
                // JeroMQ 0.6.0's REQ reports no room while a reply is owed, relaxed or not, so the loop
                // would never offer it this request: flushing hands it to the socket, which takes it.
                stream.flush(ZMQ.Poller.POLLOUT, 1);
            }
        }
        catch (RuntimeException ex) {
            settle(request, RequestOutcome.REJECTED, new ZmqRequestRejectedException(streamName(),
                    "stream '" + streamName() + "' did not take the request: " + ex.getMessage()));
            return;
        }
        request.timer = loop.callLater(request.timeout, () -> attemptTimedOut(request));
    }

    /** What goes on the wire: the correlation envelope on a DEALER, the body, the decorator's frame. */
    private List<byte[]> wireFrames(PendingRequest request) {
        if (lockstep && request.decoration == null) {
            return request.body;
        }
        List<byte[]> frames = lockstep ? new ArrayList<>(request.body) : CorrelationFrames.request(request.id, request.body);
        if (request.decoration != null) {
            frames.add(request.decoration);
        }
        return frames;
    }

    /** On the loop thread: a message came in on the stream. */
    private void replied(List<byte[]> frames) {
        PendingRequest request;
        List<byte[]> body;
        if (lockstep) {
            request = inFlight;
            body = frames;
        }
        else {
            boolean shaped = CorrelationFrames.isReply(frames);
            request = shaped ? pending.get(CorrelationFrames.id(frames)) : null;
            body = shaped ? CorrelationFrames.body(frames) : null;
        }
        if (request == null) {
            statistics.recordLateReply();
            log.debug("{} dropped a reply that no waiting request takes", this);
            return;
        }
        request.reply = new ArrayList<>(stream.tracing().carriesTraceContext() ? TraceContextFrame.withoutTraceContext(body) : body);
        settle(request, RequestOutcome.REPLY, null);
    }

    private void attemptTimedOut(PendingRequest request) {
        if (pending.get(request.id) != request) {
            return;
        }
        if (request.attempts > options.retries()) {
            settle(request, RequestOutcome.TIMEOUT,
                    new ZmqRequestTimeoutException(streamName(), request.timeout, request.attempts));
            return;
        }
        statistics.recordRetry();
        Duration pause = options.backoffBefore(request.attempts);
        if (pause.isZero()) {
            send(request);
        }
        else {
            request.timer = loop.callLater(pause, () -> {
                if (pending.get(request.id) == request) {
                    send(request);
                }
            });
        }
    }

    /** On the loop thread: the request ends, its permit is back, and a REQ sends the next one queued. */
    private void settle(PendingRequest request, RequestOutcome outcome, RuntimeException failure) {
        pending.remove(request.id);
        pendingCount = pending.size();
        if (request.timer != null) {
            request.timer.cancel();
        }
        permits.release();
        end(request, outcome, failure);
        if (lockstep && inFlight == request) {
            inFlight = null;
            PendingRequest next = queued.poll();
            if (next != null) {
                send(next);
            }
        }
    }

    private void end(PendingRequest request, RequestOutcome outcome, RuntimeException failure) {
        statistics.record(outcome);
        try {
            completionListener.completed(outcome, Duration.ofNanos(System.nanoTime() - request.startNanos));
        }
        catch (RuntimeException ex) {
            log.warn("The completion listener of {} failed", this, ex);
        }
        Runnable completion = failure == null ? () -> request.future.complete(request.reply)
                : () -> request.future.completeExceptionally(failure);
        try {
            completions.execute(completion);
        }
        catch (RejectedExecutionException ex) {
            completion.run();
        }
    }

    /** On the loop thread, or as the sockets' owner when the stream closes: fails every waiting request. */
    private void failAll() {
        closed = true;
        inFlight = null;
        queued.clear();
        for (PendingRequest request : new ArrayList<>(pending.values())) {
            settle(request, RequestOutcome.CLOSED, new ZmqRequesterClosedException(streamName()));
        }
    }
}
