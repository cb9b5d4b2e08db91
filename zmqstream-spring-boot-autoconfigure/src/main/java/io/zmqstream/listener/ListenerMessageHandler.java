package io.zmqstream.listener;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.zmqstream.Frame;
import io.zmqstream.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;

/**
 * The receive callback of one {@link ZmqListener}: turns each message into the method's call,
 * on the loop thread or off it (its executor, its lanes), sends what it returns as the reply, calls the
 * method again after a failure as its {@link ListenerRetryPolicy} says (on the loop's timer), and
 * hands what failed for good to its {@link ListenerFailures}. Its stage, when it returns one,
 * completes once the message is fully handled, so that the stream's in-flight limit counts messages
 * in progress, a message waiting for its next attempt among them.
 */
final class ListenerMessageHandler implements ListenerCallback {

    private static final Logger log = LoggerFactory.getLogger(ListenerMessageHandler.class);

    /** A stage already complete: what a handled message's stage becomes, shared so that none is made per message. */
    private static final CompletionStage<Object> HANDLED = CompletableFuture.completedStage(null);

    private final ListenerMethod listener;
    private final ListenerInvoker invoker;
    private final ReplySender replies;
    private final ListenerDispatcher dispatcher;
    private final ListenerRetryPolicy retryPolicy;
    private final ListenerFailures failures;
    private final ListenerInvocationObserver.Invocations invocations;
    private final boolean routed;
    /** Whether a null result still needs an answer: a REP listener that returns values, not void. */
    private final boolean answersNullWithEmptyFrame;
    private final AtomicBoolean nullReplyLogged = new AtomicBoolean();
    private final Set<CompletableFuture<Void>> inProgress = ConcurrentHashMap.newKeySet();
    private final LongAdder retries = new LongAdder();
    private final Set<WaitingRetry> waitingRetries = ConcurrentHashMap.newKeySet();
    /** Whether failures may wait for another attempt: not while the listener is stopped. */
    private volatile boolean retrying = true;

    /**
     * @param listener the method and its stream
     * @param invoker calls the method
     * @param replies sends return values, or {@code null} when the listener does not reply
     * @param dispatcher runs the method off the loop thread, or {@code null} to run it on the loop thread
     * @param retryPolicy when a failed call is made again
     * @param failures what happens to a message that failed for good
     * @param invocations watches each call
     */
    ListenerMessageHandler(ListenerMethod listener, ListenerInvoker invoker, ReplySender replies, ListenerDispatcher dispatcher,
            ListenerRetryPolicy retryPolicy, ListenerFailures failures, ListenerInvocationObserver.Invocations invocations) {
        this.listener = listener;
        this.invoker = invoker;
        this.replies = replies;
        this.dispatcher = dispatcher;
        this.retryPolicy = retryPolicy;
        this.failures = failures;
        this.invocations = invocations;
        this.routed = listener.routed();
        this.answersNullWithEmptyFrame = listener.stream().getSocketType() == SocketType.REP && listener.returnsValue();
    }

    @Override
    public CompletionStage<?> onRecv(List<Frame> frames) {
        ZmqListenerMessage message = ZmqListenerMessage.received(listener.stream(), frames, routed);
        if (dispatcher == null) {
            return tracked(attempt(message, 1));
        }
        CompletableFuture<Void> handled = new CompletableFuture<>();
        try {
            dispatcher.dispatch(message, () -> completeWhenDone(attempt(message, 1), handled));
        }
        catch (RuntimeException rejected) {
            failures.failed(message, rejected, 0);
            return null;
        }
        return tracked(handled);
    }

    @Override
    public CompletableFuture<Void> whenIdle() {
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

    @Override
    public ListenerFailures failures() {
        return failures;
    }

    @Override
    public long getRetries() {
        return retries.sum();
    }

    /**
     * Makes one attempt: calls the method and replies; on failure, retries later or hands the
     * message to its failures. Returns a stage while the method's own stage or a retry is pending.
     */
    private CompletionStage<?> attempt(ZmqListenerMessage message, int attempt) {
        ListenerInvocationObserver.Invocation invocation = invocations.start(message.getTraceContext());
        Object result;
        try {
            result = invoker.invoke(message);
        }
        catch (Exception ex) {
            invocation.returned();
            invocation.ended(ex);
            return afterFailure(message, ex, attempt);
        }
        invocation.returned();
        if (result instanceof CompletionStage<?> stage) {
            return stage.handle((value, failure) -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause == null) {
                    replyInScope(invocation, message, value, attempt);
                }
                invocation.ended(cause);
                return cause == null ? null : afterFailure(message, cause, attempt);
            }).thenCompose(next -> next == null ? HANDLED : next.thenApply(retried -> null));
        }
        replyInScope(invocation, message, result, attempt);
        invocation.ended(null);
        return null;
    }

    /** A failed attempt: the next one on the loop's timer when the policy retries it, else the failure for good. */
    private CompletionStage<?> afterFailure(ZmqListenerMessage message, Throwable failure, int attempt) {
        if (!retrying || !retryPolicy.retries(failure, attempt)) {
            failures.failed(message, failure, attempt);
            return null;
        }
        retries.increment();
        invocations.retrying(failure);
        WaitingRetry waiting = new WaitingRetry(message, failure, attempt);
        waitingRetries.add(waiting);
        try {
            waiting.timer = listener.stream().getIoLoop().callLater(retryPolicy.delayBefore(attempt + 1),
                    () -> retryNow(waiting));
        }
        catch (RuntimeException loopStopped) {
            giveUp(waiting);
        }
        return waiting.done;
    }

    /** On the loop thread, when its delay is over: the waiting message's next attempt. */
    private void retryNow(WaitingRetry waiting) {
        if (!waitingRetries.remove(waiting)) {
            return;
        }
        Runnable next = () -> completeWhenDone(attempt(waiting.message, waiting.attempt + 1), waiting.done);
        if (dispatcher == null) {
            next.run();
            return;
        }
        try {
            dispatcher.dispatch(waiting.message, next);
        }
        catch (RuntimeException rejected) {
            failures.failed(waiting.message, rejected, waiting.attempt);
            waiting.done.complete(null);
        }
    }

    @Override
    public void setRetrying(boolean retrying) {
        this.retrying = retrying;
        if (retrying) {
            return;
        }
        for (WaitingRetry waiting : List.copyOf(waitingRetries)) {
            if (waitingRetries.remove(waiting)) {
                if (waiting.timer != null) {
                    waiting.timer.cancel();
                }
                giveUp(waiting);
            }
        }
    }

    private void giveUp(WaitingRetry waiting) {
        waitingRetries.remove(waiting);
        failures.failed(waiting.message, waiting.failure, waiting.attempt);
        waiting.done.complete(null);
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
    private void replyInScope(ListenerInvocationObserver.Invocation invocation, ZmqListenerMessage message, Object value,
            int attempt) {
        if (replies != null) {
            invocation.inScope(() -> reply(message, value, attempt));
        }
    }

    private void reply(ZmqListenerMessage message, Object value, int attempt) {
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
            failures.failed(message, new ZmqListenerException(listener.id(), listener.streamName(), "the reply was not sent",
                    ex), attempt);
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

    /** A message whose attempt failed, waiting on the loop's timer for its next one. */
    private static final class WaitingRetry {

        final ZmqListenerMessage message;
        final Throwable failure;
        final int attempt;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Timeout timer;

        WaitingRetry(ZmqListenerMessage message, Throwable failure, int attempt) {
            this.message = message;
            this.failure = failure;
            this.attempt = attempt;
        }
    }
}
