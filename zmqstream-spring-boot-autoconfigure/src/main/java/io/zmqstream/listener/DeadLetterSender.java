package io.zmqstream.listener;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a listener's dead letters to its dead-letter stream, always from that stream's loop thread,
 * where a full send queue refuses at once instead of waiting: a dead-letter stream that cannot take
 * a letter (full, closed, dropping) never holds up a loop or an executor. What it refuses is
 * counted and logged (the first refusal, then the 10th, the 100th...).
 */
final class DeadLetterSender {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final ZMQStream target;
    private final String targetName;
    private final LongAdder sent = new LongAdder();
    private final LongAdder refused = new LongAdder();

    DeadLetterSender(ZMQStream target, String targetName) {
        this.target = target;
        this.targetName = targetName;
    }

    /**
     * Hands a dead letter to the stream, from any thread.
     *
     * @param outcome told, on the stream's loop thread, whether the stream's socket took it
     */
    void send(ZmqDeadLetter letter, Consumer<Boolean> outcome) {
        List<byte[]> frames = letter.encode();
        ZmqIoLoop loop = target.getIoLoop();
        if (loop.inLoopThread()) {
            offer(letter, frames, outcome);
            return;
        }
        try {
            loop.execute(() -> offer(letter, frames, outcome));
        }
        catch (RejectedExecutionException ex) {
            refused(letter, "its loop has stopped", outcome);
        }
    }

    long getSent() {
        return sent.sum();
    }

    long getRefused() {
        return refused.sum();
    }

    private void offer(ZmqDeadLetter letter, List<byte[]> frames, Consumer<Boolean> outcome) {
        try {
            target.sendMultipart(frames, 0, (message, status) -> {
                if (status.isSent()) {
                    sent.increment();
                    outcome.accept(true);
                }
                else {
                    refused(letter, status.getFailure() == null ? "not sent" : status.getFailure().reason().label(), outcome);
                }
            });
        }
        catch (RuntimeException ex) {
            refused(letter, ex.getMessage(), outcome);
        }
    }

    private void refused(ZmqDeadLetter letter, String why, Consumer<Boolean> outcome) {
        refused.increment();
        long count = refused.sum();
        if (Long.toString(count).matches("10*")) {
            log.warn("Dead-letter stream '{}' did not take the dead letter of listener '{}' on stream '{}' ({}); {} "
                    + "refused so far, this one lost", targetName, letter.listener(), letter.stream(), why, count);
        }
        else {
            log.debug("Dead-letter stream '{}' did not take the dead letter of listener '{}' ({})", targetName,
                    letter.listener(), why);
        }
        outcome.accept(false);
    }
}
