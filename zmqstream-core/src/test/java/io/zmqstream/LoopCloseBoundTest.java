package io.zmqstream;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a loop whose thread is in a callback takes a bounded time: the callback is interrupted
 * after {@link ZmqIoLoop#CLOSE_GRACE}, and close gives up on it one grace later.
 */
@Timeout(30)
class LoopCloseBoundTest extends LoopTestSupport {

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger loopLogger = (Logger) LoggerFactory.getLogger(ZmqIoLoop.class);
    private final CountDownLatch inCallback = new CountDownLatch(1);

    @BeforeEach
    void captureLogs() {
        logs.start();
        loopLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        loopLogger.detachAppender(logs);
    }

    @Test
    void aCallbackBlockedInAWaitIsInterruptedAndTheQueuedMessagesStillLeaveWithinTheLinger() throws Exception {
        String endpoint = inproc();
        ZMQ.Socket drain = peer(SocketType.PULL);
        drain.bind(endpoint);
        ZMQStream push = stream(SocketType.PUSH);
        push.withSocket(socket -> socket.setLinger((int) LINGER.toMillis()));
        push.connect(endpoint);
        CountDownLatch interrupted = new CountDownLatch(1);
        stuckReceiver(() -> {
            try {
                new CountDownLatch(1).await();
            }
            catch (InterruptedException ex) {
                interrupted.countDown();
            }
        });
        // Queued while the loop thread is stuck: they leave once it is free again.
        for (int i = 0; i < 100; i++) {
            push.sendString("queued " + i);
        }

        long closeTook = timeClose();

        assertThat(interrupted.getCount()).isZero();
        assertThat(closeTook).isLessThan(ZmqIoLoop.CLOSE_GRACE.plus(LINGER).toMillis());
        for (int i = 0; i < 100; i++) {
            assertThat(drain.recvStr()).isEqualTo("queued " + i);
        }
        assertThat(push.getStatistics().getSendFailures()).isZero();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("in one callback for") && line.endsWith("while closing; interrupting it"));
    }

    @Test
    void aCallbackThatIgnoresInterruptsIsLeftBehindAfterTwiceTheGrace() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        stuckReceiver(() -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        try {
            long closeTook = timeClose();

            assertThat(closeTook).isBetween(2 * ZmqIoLoop.CLOSE_GRACE.toMillis(), 2 * ZmqIoLoop.CLOSE_GRACE.toMillis() + 1_000);
            assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
                    .satisfies(event -> {
                        assertThat(event.getFormattedMessage()).contains("close stops waiting for it");
                        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
                    });
        }
        finally {
            release.set(true);
        }
    }

    /** A PULL stream whose callback runs {@code stuck} on the first message, which the test sends. */
    private void stuckReceiver(Runnable stuck) throws InterruptedException {
        ZMQStream pull = bound(SocketType.PULL, inproc());
        String endpoint = pull.getBoundEndpoints().get(0);
        pull.onRecv(frames -> {
            inCallback.countDown();
            stuck.run();
        });
        ZMQ.Socket push = peer(SocketType.PUSH);
        push.connect(endpoint);
        push.send("get stuck");
        assertThat(inCallback.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    private long timeClose() {
        long start = System.nanoTime();
        loop.close();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
