package io.zmqstream.listener;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.LoopLagMonitor;
import io.zmqstream.ZMQStream;
import io.zmqstream.actuate.ZmqHealthIndicator;
import io.zmqstream.autoconfigure.ZmqActuatorAutoConfiguration;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners that fail or hang: one that throws on each of 100,000 messages leaves the loop alive
 * and every failure counted; one stuck forever on an executor holds up no other stream; one stuck
 * on the loop thread shows in the loop's lag and turns the {@code zmq} health DOWN.
 */
@Timeout(60)
class FaultyListenersTest {

    private static final int MESSAGES = 100_000;

    private static final String[] STREAMS = { "zmq.streams.failing.type=pull", "zmq.streams.failing.bind=inproc://failing",
            "zmq.streams.healthy.type=pull", "zmq.streams.healthy.bind=inproc://healthy" };

    @Test
    void aListenerThatThrowsOnEachOf100000MessagesLeavesTheLoopServingAndEveryFailureCounted() {
        runner().withUserConfiguration(ThrowingListener.class, HealthyListener.class).withPropertyValues(STREAMS)
                .run(context -> {
                    ZmqTestPeer failing = ZmqApplicationPeers.of(context).peer("failing");
                    for (int i = 0; i < MESSAGES; i++) {
                        failing.sendString("doomed " + i);
                    }
                    ThrowingListener throwing = context.getBean(ThrowingListener.class);
                    await().atMost(TIMEOUT).until(() -> throwing.handled.get() == MESSAGES);

                    ZmqApplicationPeers.of(context).peer("healthy").sendString("still served");

                    await().atMost(TIMEOUT).until(() -> context.getBean(HealthyListener.class).received.get() == 1);
                    assertThat(throwing.calls.get()).isEqualTo(MESSAGES);
                    assertThat(context.getBean("failing", ZMQStream.class).getStatistics().getMessagesReceived()).isEqualTo(MESSAGES);
                });
    }

    @Test
    void aListenerStuckForeverOnAnExecutorHoldsUpNoOtherStream() {
        runner().withUserConfiguration(StuckOnExecutor.class, HealthyListener.class).withPropertyValues(STREAMS)
                .run(context -> {
                    StuckOnExecutor stuck = context.getBean(StuckOnExecutor.class);
                    try {
                        ZmqApplicationPeers.of(context).peer("failing").sendString("never done");
                        await().atMost(TIMEOUT).until(() -> stuck.started.getCount() == 0);
                        ZmqTestPeer healthy = ZmqApplicationPeers.of(context).peer("healthy");
                        for (int i = 0; i < 1_000; i++) {
                            healthy.sendString("served " + i);
                        }

                        await().atMost(TIMEOUT).until(() -> context.getBean(HealthyListener.class).received.get() == 1_000);
                    }
                    finally {
                        stuck.release.countDown();
                    }
                });
    }

    @Test
    void aListenerStuckOnTheLoopThreadShowsInTheLagAndTheHealth() {
        runner().withConfiguration(AutoConfigurations.of(ZmqActuatorAutoConfiguration.class))
                .withUserConfiguration(StuckOnLoop.class)
                .withPropertyValues("zmq.streams.failing.type=pull", "zmq.streams.failing.bind=inproc://failing",
                        "zmq.io-loop.lag-probe-interval=100ms", "zmq.io-loop.max-lag=500ms")
                .run(context -> {
                    StuckOnLoop stuck = context.getBean(StuckOnLoop.class);
                    ZmqHealthIndicator health = context.getBean(ZmqHealthIndicator.class);
                    LoopLagMonitor lag = context.getBean(LoopLagMonitor.class);
                    await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.UP));
                    try {
                        ZmqApplicationPeers.of(context).peer("failing").sendString("hold the loop");

                        await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.DOWN));
                        assertThat(lag.getLag()).isGreaterThan(Duration.ofMillis(500));
                        assertThat(health.health().getDetails().toString()).contains("ms late, more than the 500 ms of zmq.io-loop.max-lag");
                    }
                    finally {
                        stuck.release.countDown();
                    }
                    await().atMost(TIMEOUT).until(() -> health.health().getStatus().equals(Status.UP));
                });
    }

    /** Throws on every message; its error handler counts the failures without logging each one. */
    @Configuration(proxyBeanMethods = false)
    static class ThrowingListener {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @ZmqListener(value = "failing", errorHandler = "countingErrorHandler")
        void take(String message) {
            calls.incrementAndGet();
            throw new IllegalStateException("refused " + message);
        }

        @Bean
        ZmqListenerErrorHandler countingErrorHandler() {
            return (ZmqListenerMessage message, ZmqListenerException exception) -> {
                handled.incrementAndGet();
                return null;
            };
        }
    }

    /** Counts what reaches the healthy stream. */
    @Configuration(proxyBeanMethods = false)
    static class HealthyListener {

        final AtomicInteger received = new AtomicInteger();

        @ZmqListener("healthy")
        void take(String message) {
            received.incrementAndGet();
        }
    }

    /** Blocks on an executor thread until released. */
    @Configuration(proxyBeanMethods = false)
    static class StuckOnExecutor {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService stuckExecutor() {
            return Executors.newSingleThreadExecutor();
        }

        @ZmqListener(value = "failing", executor = "stuckExecutor")
        void take(String message) throws InterruptedException {
            started.countDown();
            release.await();
        }
    }

    /** Blocks the loop thread until released. */
    @Configuration(proxyBeanMethods = false)
    static class StuckOnLoop {

        final CountDownLatch release = new CountDownLatch(1);

        @ZmqListener("failing")
        void take(String message) throws InterruptedException {
            release.await();
        }
    }
}
