package io.zmqstream.listener;

import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;

/**
 * What happens to a message a {@link ZmqListener} failed on for good: it is counted, sent to the
 * listener's dead-letter stream when it has one, and handed to the error handler, whose answer is
 * the reply where the listener replies (a REP gets an empty frame when there is none, so that it
 * can take its next request).
 */
final class ListenerFailures {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

    private final ListenerMethod listener;
    private final ReplySender replies;
    private final ZmqListenerErrorHandler errorHandler;
    private final DeadLetterSender deadLetters;
    private final ListenerInvocationObserver.Invocations invocations;
    private final boolean mustReply;
    private final LongAdder failures = new LongAdder();
    private final LongAdder conversionFailures = new LongAdder();

    /**
     * @param replies sends the error handler's replies, or {@code null} when the listener does not reply
     * @param deadLetters the dead-letter stream's sender, or {@code null} for none
     * @param invocations told of each dead letter's outcome
     */
    ListenerFailures(ListenerMethod listener, ReplySender replies, ZmqListenerErrorHandler errorHandler,
            DeadLetterSender deadLetters, ListenerInvocationObserver.Invocations invocations) {
        this.listener = listener;
        this.replies = replies;
        this.errorHandler = errorHandler;
        this.deadLetters = deadLetters;
        this.invocations = invocations;
        this.mustReply = listener.stream().getSocketType() == SocketType.REP;
    }

    /**
     * Handles a message the listener failed on for good, on the thread of its last attempt.
     *
     * @param attempts the calls made
     */
    void failed(ZmqListenerMessage message, Throwable failure, int attempts) {
        failures.increment();
        ZmqListenerException exception = failure instanceof ZmqListenerException known ? known
                : new ZmqListenerException(listener.id(), listener.streamName(), failure.toString(), failure);
        if (exception instanceof ZmqMessageConversionException) {
            conversionFailures.increment();
        }
        if (deadLetters != null) {
            deadLetters.send(ZmqDeadLetter.of(listener.id(), listener.streamName(), exception, attempts,
                    message.getFrames()), invocations::deadLettered);
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

    long getFailures() {
        return failures.sum();
    }

    long getConversionFailures() {
        return conversionFailures.sum();
    }

    long getDeadLetters() {
        return deadLetters == null ? 0 : deadLetters.getSent();
    }

    long getRefusedDeadLetters() {
        return deadLetters == null ? 0 : deadLetters.getRefused();
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
