package io.zmqstream.listener;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zmqstream.AsyncFrameCallback;
import io.zmqstream.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;

/**
 * The receive callback of one {@link ZmqListener}: turns each message into the method's call,
 * on the loop thread or on the listener's executor, sends what it returns as the reply, and hands
 * failures to the error handler. Its stage, when it returns one, completes once the message is
 * fully handled, so that the stream's in-flight limit counts messages in progress.
 */
final class ListenerMessageHandler implements AsyncFrameCallback {

    private static final Logger log = LoggerFactory.getLogger(ListenerMessageHandler.class);

    private final ListenerMethod listener;
    private final ListenerInvoker invoker;
    private final ReplySender replies;
    private final Executor executor;
    private final ZmqListenerErrorHandler errorHandler;
    private final ListenerInvocationObserver.Invocations invocations;
    private final boolean routed;
    private final boolean mustReply;
    /** Whether a null result still needs an answer: a REP listener that returns values, not void. */
    private final boolean answersNullWithEmptyFrame;
    private final AtomicBoolean nullReplyLogged = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> inProgress = ConcurrentHashMap.newKeySet();
    private final LongAdder failures = new LongAdder();
    private final LongAdder conversionFailures = new LongAdder();

    /**
     * @param listener the method and its stream
     * @param invoker calls the method
     * @param replies sends return values, or {@code null} when the listener does not reply
     * @param executor runs the method, or {@code null} to run it on the loop thread
     * @param errorHandler handles failures
     * @param observer watches each invocation
     */
    ListenerMessageHandler(ListenerMethod listener, ListenerInvoker invoker, ReplySender replies, Executor executor,
            ZmqListenerErrorHandler errorHandler, ListenerInvocationObserver observer) {
        this.listener = listener;
        this.invoker = invoker;
        this.replies = replies;
        this.executor = executor;
        this.errorHandler = errorHandler;
        this.invocations = observer.forListener(listener.id(), listener.streamName());
        this.routed = listener.routed();
        this.mustReply = listener.stream().getSocketType() == SocketType.REP;
        this.answersNullWithEmptyFrame = mustReply && listener.returnsValue();
    }

    @Override
    public CompletionStage<?> onRecv(List<Frame> frames) {
        ZmqListenerMessage message = ZmqListenerMessage.received(listener.stream(), frames, routed);
        if (executor == null) {
            return tracked(handle(message));
        }
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            executor.execute(() -> completeWhenDone(handle(message), handled));
        }
        catch (RuntimeException rejected) {
            failed(message, rejected);
            return null;
        }
        return tracked(handled);
    }

    /** Completes when every message in progress now has been handled and replied to. */
    CompletableFuture<Void> whenIdle() {
        return CompletableFuture.allOf(inProgress.toArray(CompletableFuture[]::new));
    }

    private CompletionStage<?> tracked(CompletionStage<?> stage) {
        if (stage == null) {
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        inProgress.add(done);
        stage.whenComplete((ignored, failure) -> {
            inProgress.remove(done);
            done.complete(null);
        });
        return done;
    }

    long getFailures() {
        return failures.sum();
    }

    long getConversionFailures() {
        return conversionFailures.sum();
    }

    /** Calls the method and replies; returns a stage when the method's own stage is still running. */
    private CompletionStage<?> handle(ZmqListenerMessage message) {
        ListenerInvocationObserver.Invocation invocation = invocations.start(message.getTraceContext());
        Object result;
        try {
            result = invoker.invoke(message);
        }
        catch (Exception ex) {
            invocation.returned();
            invocation.ended(ex);
            failed(message, ex);
            return null;
        }
        invocation.returned();
        if (result instanceof CompletionStage<?> stage) {
            return stage.handle((value, failure) -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause == null) {
                    replyInScope(invocation, message, value);
                }
                invocation.ended(cause);
                if (cause != null) {
                    failed(message, cause);
                }
                return null;
            });
        }
        replyInScope(invocation, message, result);
        invocation.ended(null);
        return null;
    }

    private static void completeWhenDone(CompletionStage<?> stage, CompletableFuture<Void> handled) {
        if (stage == null) {
            handled.complete(null);
        }
        else {
            stage.whenComplete((ignored, failure) -> handled.complete(null));
        }
    }

    /** Sends the reply, if the listener replies, as part of the invocation (its trace context, say). */
    private void replyInScope(ListenerInvocationObserver.Invocation invocation, ZmqListenerMessage message, Object value) {
        if (replies != null) {
            invocation.inScope(() -> reply(message, value));
        }
    }

    private void reply(ZmqListenerMessage message, Object value) {
        if (replies == null) {
            return;
        }
        Object reply = value instanceof Optional<?> optional ? optional.orElse(null) : value;
        try {
            if (reply != null) {
                replies.send(message, reply);
            }
            else if (answersNullWithEmptyFrame) {
                answerNull(message);
            }
        }
        catch (Exception ex) {
            failed(message, new ZmqListenerException(listener.id(), listener.streamName(), "the reply was not sent", ex));
        }
    }

    /** A REP that got no reply would never take another request: it answers with an empty frame. */
    private void answerNull(ZmqListenerMessage message) throws Exception {
        if (nullReplyLogged.compareAndSet(false, true)) {
            log.warn("Listener '{}' on REP stream '{}' returned no reply; an empty frame was sent so that the REP can "
                    + "take its next request (logged once)", listener.id(), listener.streamName());
        }
        replies.sendEmpty(message);
    }

    /** Counts the failure, asks the error handler for a reply, and keeps a REP socket able to receive. */
    private void failed(ZmqListenerMessage message, Throwable failure) {
        failures.increment();
        ZmqListenerException exception = failure instanceof ZmqListenerException known ? known
                : new ZmqListenerException(listener.id(), listener.streamName(), failure.toString(), failure);
        if (exception instanceof ZmqMessageConversionException) {
            conversionFailures.increment();
        }
        Object errorReply = null;
        try {
            errorReply = errorHandler.handleError(message, exception);
        }
        catch (Exception handlerFailure) {
            log.error("The error handler of listener '{}' on stream '{}' failed", listener.id(), listener.streamName(),
                    handlerFailure);
        }
        sendErrorReply(message, errorReply);
    }

    private void sendErrorReply(ZmqListenerMessage message, Object errorReply) {
        if (replies == null) {
            return;
        }
        try {
            if (errorReply != null) {
                replies.send(message, errorReply);
            }
            else if (mustReply) {
                replies.sendEmpty(message);
            }
        }
        catch (Exception ex) {
            log.error("Listener '{}' on stream '{}' could not send its error reply", listener.id(),
                    listener.streamName(), ex);
        }
    }
}
