package io.zmqstream.listener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.zmqstream.LoopLagMonitor;
import io.zmqstream.autoconfigure.ZmqProperties;
import io.zmqstream.test.ZmqTestMessage;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;

import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100,000 messages through a listener that fails on 1 % of them: half of those succeed on their
 * retry and go on with the rest, the other half fail for good and go to the dead-letter stream.
 * Counted at the two receivers: every message arrives exactly once, at one of them, and the loop's
 * lag, probed every 20 ms, stays under {@code zmq.io-loop.max-lag} throughout.
 */
@Timeout(120)
class ListenerRetryLoadTest {

    private static final int MESSAGES = 100_000;

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void noneOf100000MessagesWithOnePercentFailingIsLostOrHandledTwice() {
        runner().withUserConfiguration(SometimesFailing.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues(boundStream("out", "push")).withPropertyValues(boundStream("dead-letters", "push"))
                .withPropertyValues("zmq.io-loop.lag-probe-interval=20ms")
                .run(context -> {
                    ZmqTestPeer out = ZmqApplicationPeers.of(context).peer("out");
                    ZmqTestPeer deadLetters = ZmqApplicationPeers.of(context).peer("dead-letters");
                    ZmqTestPeer orders = ZmqApplicationPeers.of(context).peer("orders");
                    LoopLagMonitor lag = context.getBean(LoopLagMonitor.class);
                    AtomicLong worstLag = new AtomicLong();
                    ScheduledExecutorService lagWatch = Executors.newSingleThreadScheduledExecutor();
                    lagWatch.scheduleAtFixedRate(() -> worstLag.accumulateAndGet(lag.getLag().toNanos(), Math::max), 0, 10,
                            TimeUnit.MILLISECONDS);
                    try {
                        for (int i = 0; i < MESSAGES; i++) {
                            orders.sendString(Integer.toString(i));
                        }
                        Map<Integer, AtomicInteger> arrived = new ConcurrentHashMap<>();
                        int handled = drain(out, MESSAGES - MESSAGES / 200, arrived, message -> message.text(0));
                        int deadLettered = drain(deadLetters, MESSAGES / 200, arrived, message -> message.text(1));
                        out.expectNothingFor(Duration.ofMillis(300));
                        deadLetters.expectNothingFor(Duration.ofMillis(300));

                        assertThat(handled).isEqualTo(99_500);
                        assertThat(deadLettered).isEqualTo(500);
                        assertThat(arrived).hasSize(MESSAGES);
                        assertThat(arrived.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
                        assertThat(arrived.keySet()).filteredOn(i -> i % 200 == 0).hasSize(500);
                        ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class)
                                .getListener("sometimesFailing");
                        assertThat(endpoint.getRetryCount()).isEqualTo(1_000);
                        assertThat(endpoint.getDeadLetterCount()).isEqualTo(500);
                    }
                    finally {
                        lagWatch.shutdownNow();
                    }
                    assertThat(Duration.ofNanos(worstLag.get()))
                            .isLessThan(context.getBean(ZmqProperties.class).getIoLoop().getMaxLag());
                });
    }

    /** Receives {@code expected} messages, noting the id each carries; fails when one does not come in time. */
    private static int drain(ZmqTestPeer peer, int expected, Map<Integer, AtomicInteger> arrived,
            Function<ZmqTestMessage, String> id) {
        for (int i = 0; i < expected; i++) {
            ZmqTestMessage message = peer.receive(WAIT);
            assertThat(message).as("message %d of %d from %s", i + 1, expected, peer).isNotNull();
            arrived.computeIfAbsent(Integer.valueOf(id.apply(message)), key -> new AtomicInteger()).incrementAndGet();
        }
        return expected;
    }

    /**
     * Forwards each message, failing on 1 %: a multiple of 200 always (dead-lettered after its
     * second attempt), another multiple of 100 on its first attempt only.
     */
    @Configuration(proxyBeanMethods = false)
    static class SometimesFailing {

        private final Map<Integer, Boolean> failedOnce = new ConcurrentHashMap<>();

        @ZmqListener(value = "orders", id = "sometimesFailing", replyTo = "out", deadLetter = "dead-letters",
                retry = @ZmqRetry(maxAttempts = "2", delay = "1ms"))
        String handle(String order) {
            int id = Integer.parseInt(order);
            if (id % 200 == 0 || (id % 100 == 0 && failedOnce.putIfAbsent(id, true) == null)) {
                throw new IllegalStateException("failed " + id);
            }
            return order;
        }
    }
}
