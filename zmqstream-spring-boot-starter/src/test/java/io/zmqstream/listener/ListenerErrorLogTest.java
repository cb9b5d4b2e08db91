package io.zmqstream.listener;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;

/** A peer that makes a listener fail again and again cannot flood the log through the default error handler. */
@ExtendWith(OutputCaptureExtension.class)
class ListenerErrorLogTest {

    private static final int BAD_MESSAGES = 10_000;

    @Test
    void tenThousandFailuresGiveOneStackTraceAndABoundedNumberOfLines(CapturedOutput output) {
        runner().withUserConfiguration(FailsOnBad.class).withPropertyValues(boundStream("in", "pull")).run(context -> {
            FailsOnBad listener = context.getBean(FailsOnBad.class);
            ZmqTestPeer push = ZmqApplicationPeers.of(context).peer("in");
            for (int i = 0; i < BAD_MESSAGES; i++) {
                push.sendString("bad " + i);
            }
            // Messages of one stream are handled in order: once "done" arrives, every failure was handled.
            push.sendString("done");
            assertThat(listener.done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(listener.failures.get()).isEqualTo(BAD_MESSAGES);
        });
        String log = output.getOut() + output.getErr();
        // Each stack trace has the listener's frame once.
        assertThat(count(log, "at io.zmqstream.listener.ListenerErrorLogTest$FailsOnBad.receive(")).as("stack traces")
                .isEqualTo(1);
        assertThat(count(log, "Listener 'bad' on stream 'in' failed on a message of 1 frames")).isEqualTo(1);
        // The first line, and at most one more per minute: this test takes seconds.
        assertThat(count(log, "Listener 'bad' on stream 'in' failed")).isBetween(1, 2);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    static class FailsOnBad {

        final AtomicInteger failures = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(1);

        @ZmqListener(value = "in", id = "bad")
        void receive(String text) {
            if ("done".equals(text)) {
                done.countDown();
                return;
            }
            failures.incrementAndGet();
            throw new IllegalStateException("refused " + text);
        }
    }
}
