package io.zmqstream.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import io.zmqstream.Frame;

/**
 * The receive callback of a batch {@link ZmqListener}: collects the messages one turn of the loop
 * reads from the stream, up to the batch size, and calls the method once with all of them, on the
 * loop thread or off it. Each message's argument is made as it comes (one that cannot be made is a
 * conversion failure of its own and stays out of the batch); the method's reply list, where the
 * listener replies, goes out a reply per message, each behind its own routing envelope.
 */
final class BatchListenerHandler implements ListenerCallback {

    private final ListenerMethod listener;
    private final ListenerInvoker invoker;
    private final ArgumentResolver element;
    private final int maxBatch;
    private final ReplySender replies;
    private final ListenerDispatcher dispatcher;
    private final ListenerFailures failures;
    private final ListenerInvocationObserver.Invocations invocations;
    private final Set<CompletableFuture<Void>> inProgress = ConcurrentHashMap.newKeySet();
    /** The batch being collected; the loop thread's. */
    private Batch collecting;

    /**
     * @param invoker calls the method with the batch's list
     * @param element makes one message's element of the method's list
     * @param maxBatch the most messages one call gets
     * @param replies sends the replies, or {@code null} when the listener does not reply
     * @param dispatcher runs the method off the loop thread, or {@code null} to run it on the loop thread
     */
    BatchListenerHandler(ListenerMethod listener, ListenerInvoker invoker, ArgumentResolver element, int maxBatch,
            ReplySender replies, ListenerDispatcher dispatcher, ListenerFailures failures,
            ListenerInvocationObserver.Invocations invocations) {
        this.listener = listener;
        this.invoker = invoker;
        this.element = element;
        this.maxBatch = maxBatch;
        this.replies = replies;
        this.dispatcher = dispatcher;
        this.failures = failures;
        this.invocations = invocations;
    }

    @Override
    public CompletionStage<?> onRecv(List<Frame> frames) {
        ZmqListenerMessage message = ZmqListenerMessage.received(listener.stream(), frames, listener.routed());
        Object argument;
        try {
            argument = element.resolve(message);
        }
        catch (Exception ex) {
            failures.failed(message, new ZmqMessageConversionException(listener.id(), listener.streamName(),
                    "cannot make the batch's element of " + listener.description() + ": " + ex.getMessage(), ex), 0);
            return null;
        }
        if (collecting == null) {
            collecting = new Batch();
            inProgress.add(collecting.done);
            // Runs after this turn's reads, when the loop runs its tasks again: the batch is what the turn read.
            listener.stream().getIoLoop().execute(this::flush);
        }
        Batch batch = collecting;
        batch.messages.add(message);
        batch.arguments.add(argument);
        if (batch.messages.size() >= maxBatch) {
            flush();
        }
        return batch.done;
    }

    @Override
    public ListenerFailures failures() {
        return failures;
    }

    @Override
    public long getRetries() {
        return 0;
    }

    @Override
    public void setRetrying(boolean retrying) {
        // A batch is never retried.
    }

    @Override
    public CompletableFuture<Void> whenIdle() {
        return CompletableFuture.allOf(inProgress.toArray(CompletableFuture[]::new));
    }

    /** On the loop thread: hands the batch collected so far to the method. */
    private void flush() {
        Batch batch = collecting;
        if (batch == null) {
            return;
        }
        collecting = null;
        Runnable call = () -> {
            try {
                call(batch);
            }
            finally {
                inProgress.remove(batch.done);
                batch.done.complete(null);
            }
        };
        if (dispatcher == null) {
            call.run();
            return;
        }
        try {
            dispatcher.dispatch(batch.messages.get(0), call);
        }
        catch (RejectedExecutionException rejected) {
            batch.messages.forEach(message -> failures.failed(message, rejected, 0));
            inProgress.remove(batch.done);
            batch.done.complete(null);
        }
    }

    private void call(Batch batch) {
        ListenerInvocationObserver.Invocation invocation = invocations.start();
        Object result;
        try {
            result = invoker.call(batch.arguments);
        }
        catch (Exception ex) {
            invocation.returned();
            invocation.ended(ex);
            batch.messages.forEach(message -> failures.failed(message, ex, 1));
            return;
        }
        invocation.returned();
        if (replies != null && result != null) {
            invocation.inScope(() -> reply(batch, (List<?>) result));
        }
        invocation.ended(null);
    }

    /** A reply per message, in the batch's order; {@code null} sends none for its message. */
    private void reply(Batch batch, List<?> answers) {
        if (answers.size() != batch.messages.size()) {
            ZmqListenerException wrongSize = new ZmqListenerException(listener.id(), listener.streamName(), "the method "
                    + "returned " + answers.size() + " replies for a batch of " + batch.messages.size() + " messages", null);
            batch.messages.forEach(message -> failures.failed(message, wrongSize, 1));
            return;
        }
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                continue;
            }
            try {
                replies.send(batch.messages.get(i), answers.get(i));
            }
            catch (Exception ex) {
                failures.failed(batch.messages.get(i), new ZmqListenerException(listener.id(), listener.streamName(),
                        "the reply was not sent", ex), 1);
            }
        }
    }

    /** One batch: its messages, their arguments, and the stage the stream waits on for each. */
    private static final class Batch {

        final List<ZmqListenerMessage> messages = new ArrayList<>();
        final List<Object> arguments = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
    }
}
