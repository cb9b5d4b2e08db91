package io.zmqstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A context terminated under a running loop ends its streams once: closed, each queued message
 * reported, one log line per stream, and a loop that goes on serving its other streams without spinning.
 */
class ContextTerminationTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger coreLogger = (Logger) LoggerFactory.getLogger("io.zmqstream");
    private ZContext loopContext;
    private ZmqIoLoop loop;

    @BeforeEach
    void startLoop() {
        logs.start();
        coreLogger.addAppender(logs);
        loopContext = new ZContext();
        loop = new ZmqIoLoop(loopContext, "termination-loop");
        loop.start();
    }

    @AfterEach
    void closeLoop() {
        coreLogger.detachAppender(logs);
        loop.close();
        loopContext.close();
    }

    @Test
    void terminatingTheContextEndsItsStreamsOnceAndTheLoopGoesOnWithoutSpinning() {
        ZContext doomed = new ZContext();
        ZMQStream receiving = new ZMQStream(doomed.createSocket(SocketType.PULL), loop);
        receiving.bindToRandomPort("tcp://127.0.0.1");
        receiving.onRecv(frames -> { });
        ZMQStream sending = new ZMQStream(doomed.createSocket(SocketType.PUSH), loop);
        List<MessageTracker> statuses = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            sending.send(LoopTestSupport.bytes("queued " + i), 0, (msg, status) -> statuses.add(status));
        }
        AtomicInteger closeCallbacks = new AtomicInteger();
        receiving.setCloseCallback(closeCallbacks::incrementAndGet);
        sending.setCloseCallback(closeCallbacks::incrementAndGet);
        ZMQStream survivor = new ZMQStream(loopContext.createSocket(SocketType.PULL), loop);

        doomed.close();

        await().atMost(LoopTestSupport.TIMEOUT).until(() -> closeCallbacks.get() == 2);
        assertThat(receiving.isClosed()).isTrue();
        assertThat(sending.isClosed()).isTrue();
        assertThat(statuses).hasSize(5).allSatisfy(status -> {
            assertThat(status.isSent()).isFalse();
            assertThat(status.getFailure().reason()).isEqualTo(SendFailure.Reason.DROPPED_ON_CLOSE);
        });
        assertThat(loop.getStreams()).containsExactly(survivor);
        LoopCpu.awaitSleeping(loop, Duration.ofMillis(500), LoopTestSupport.TIMEOUT);
        assertThat(closeCallbacks.get()).isEqualTo(2);
        assertThat(logs.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .allMatch(line -> line.contains("its ZeroMQ context was terminated"))
                .anyMatch(line -> line.contains("5 queued message(s) reported as not sent"));
        assertThat(loop.submit(() -> "still serving").join()).isEqualTo("still serving");
    }
}
