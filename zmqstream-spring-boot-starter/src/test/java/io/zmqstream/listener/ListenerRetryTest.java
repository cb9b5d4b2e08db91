package io.zmqstream.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.ZmqMetricsAutoConfiguration;
import io.zmqstream.test.ZmqTestMessage;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners that fail and are called again: the delays between attempts, the order a loop
 * listener keeps and an executor listener does not, the dead letter of a message failed on for
 * good as a real peer receives it, what is never retried, and a dead-letter stream that cannot take
 * a letter.
 */
@Timeout(60)
class ListenerRetryTest {

    private static final Duration QUIET = Duration.ofMillis(500);

    private static ApplicationContextRunner runner() {
        return ListenerContexts.runner().withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues(boundStream("orders", "pull")).withPropertyValues(boundStream("dead-letters", "push"));
    }

    @Test
    void aListenerFailingTwiceThenSucceedingHandlesTheMessageOnceAfterTwoRetriesAtTheirDelays() {
        runner().withUserConfiguration(FailsTwice.class).run(context -> {
            FailsTwice listener = context.getBean(FailsTwice.class);
            ZmqApplicationPeers.of(context).peer("orders").sendString("order 1");

            await().atMost(TIMEOUT).during(QUIET).until(() -> listener.handled.size() == 1 && listener.attempts.size() == 3);
            assertThat(listener.handled).containsExactly("order 1");
            long first = listener.attempts.get(1) - listener.attempts.get(0);
            long second = listener.attempts.get(2) - listener.attempts.get(1);
            assertThat(Duration.ofNanos(first)).isBetween(Duration.ofMillis(200), Duration.ofMillis(200 + 700));
            assertThat(Duration.ofNanos(second)).isBetween(Duration.ofMillis(400), Duration.ofMillis(400 + 700));
            ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class).getListener("failsTwice");
            assertThat(endpoint.getRetryCount()).isEqualTo(2);
            assertThat(endpoint.getFailureCount()).isZero();
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("zmq.listener.retries").tag("listener.id", "failsTwice")
                    .tag("exception", "IllegalStateException").counter().count()).isEqualTo(2);
            assertThat(meters.get("zmq.listener").tag("listener.id", "failsTwice").tag("result", "failure").timer().count())
                    .isEqualTo(2);
            assertThat(meters.get("zmq.listener").tag("listener.id", "failsTwice").tag("result", "success").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void aListenerThatAlwaysFailsSendsExactlyOneDeadLetterWithTheDocumentedFramesToARealPeer() {
        runner().withUserConfiguration(AlwaysFails.class).run(context -> {
            ZmqTestPeer deadLetterService = ZmqApplicationPeers.of(context).peer("dead-letters");
            Instant before = Instant.now();
            ZmqApplicationPeers.of(context).peer("orders").sendString("order 7");

            ZmqTestMessage letter = deadLetterService.expectMessage();
            assertThat(letter.size()).isEqualTo(2);
            assertThat(letter.text(0).split("\n", -1)).hasSize(8).startsWith("zmq-dead-letter/1", "listener: alwaysFails",
                    "stream: orders", "exception: java.lang.IllegalStateException", "message: no stock for order 7",
                    "attempts: 3").endsWith("");
            assertThat(letter.text(0).split("\n")[6]).startsWith("time: ");
            assertThat(letter.text(1)).isEqualTo("order 7");
            ZmqDeadLetter decoded = ZmqDeadLetter.decode(letter.frames());
            assertThat(decoded.time()).isBetween(before, Instant.now());
            assertThat(decoded.frames()).singleElement().satisfies(frame -> assertThat(new String(frame, StandardCharsets.UTF_8))
                    .isEqualTo("order 7"));
            deadLetterService.expectNothingFor(QUIET);
            assertThat(context.getBean(AlwaysFails.class).calls.get()).isEqualTo(3);
            ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class).getListener("alwaysFails");
            assertThat(endpoint.getFailureCount()).isEqualTo(1);
            assertThat(endpoint.getDeadLetterCount()).isEqualTo(1);
            await().atMost(TIMEOUT).until(() -> context.getBean(MeterRegistry.class).find("zmq.listener.dead.letters")
                    .tag("outcome", "sent").counter() != null);
            assertThat(context.getBean(MeterRegistry.class).get("zmq.listener.dead.letters").tag("outcome", "sent")
                    .counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aListenerOnTheLoopKeepsItsStreamsOrderWhileAMessageWaitsForItsNextAttempt() {
        runner().withUserConfiguration(FailsFirstTimeOnTheLoop.class).run(context -> {
            FailsFirstTimeOnTheLoop listener = context.getBean(FailsFirstTimeOnTheLoop.class);
            ZmqTestPeer orders = ZmqApplicationPeers.of(context).peer("orders");
            orders.sendString("a").sendString("b").sendString("c");

            await().atMost(TIMEOUT).until(() -> listener.handled.size() == 3);
            assertThat(listener.handled).containsExactly("a", "b", "c");
            assertThat(listener.calls).containsExactly("a", "a", "b", "c");
        });
    }

    @Test
    void aListenerOnAnExecutorGoesOnWithLaterMessagesWhileOneWaitsForItsNextAttempt() {
        runner().withUserConfiguration(FailsFirstTimeOnAnExecutor.class).run(context -> {
            FailsFirstTimeOnAnExecutor listener = context.getBean(FailsFirstTimeOnAnExecutor.class);
            ZmqApplicationPeers.of(context).peer("orders").sendString("a").sendString("b");

            await().atMost(TIMEOUT).until(() -> listener.handled.size() == 2);
            assertThat(listener.handled).containsExactly("b", "a");
        });
    }

    @Test
    void aListenerWhoseStageFailsIsCalledAgainAndItsNextStageCounts() {
        runner().withUserConfiguration(StageFailsOnce.class).run(context -> {
            StageFailsOnce listener = context.getBean(StageFailsOnce.class);
            ZmqApplicationPeers.of(context).peer("orders").sendString("order 5");

            await().atMost(TIMEOUT).during(QUIET).until(() -> listener.handled.size() == 1 && listener.calls.get() == 2);
            assertThat(listener.handled).containsExactly("order 5");
            assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListener("stageFailsOnce").getRetryCount())
                    .isEqualTo(1);
        });
    }

    @Test
    void aStreamsListenerSettingsRetryAndDeadLetterTheListenersThatSayNothing() {
        runner().withUserConfiguration(PlainFailing.class)
                .withPropertyValues("zmq.streams.orders.listener.retry.max-attempts=2",
                        "zmq.streams.orders.listener.retry.delay=50ms", "zmq.streams.orders.listener.dead-letter=dead-letters")
                .run(context -> {
                    ZmqTestPeer deadLetterService = ZmqApplicationPeers.of(context).peer("dead-letters");
                    ZmqApplicationPeers.of(context).peer("orders").sendString("order 9");

                    ZmqDeadLetter letter = ZmqDeadLetter.decode(deadLetterService.expectMessage().frames());
                    assertThat(letter.attempts()).isEqualTo(2);
                    assertThat(letter.exception()).isEqualTo(UnsupportedOperationException.class.getName());
                    assertThat(context.getBean(PlainFailing.class).calls.get()).isEqualTo(2);
                });
    }

    @Test
    void aMessageWhoseArgumentsCannotBeMadeIsDeadLetteredAtOnceAndAFailureTheListenerExcludesIsNotRetried() {
        runner().withUserConfiguration(JsonOrders.class).run(context -> {
            ZmqTestPeer deadLetterService = ZmqApplicationPeers.of(context).peer("dead-letters");
            ZmqTestPeer orders = ZmqApplicationPeers.of(context).peer("orders");
            orders.sendString("not json");

            ZmqDeadLetter unreadable = ZmqDeadLetter.decode(deadLetterService.expectMessage().frames());
            assertThat(unreadable.exception()).isEqualTo(ZmqMessageConversionException.class.getName());
            assertThat(unreadable.attempts()).isEqualTo(1);
            assertThat(context.getBean(JsonOrders.class).calls.get()).isZero();

            orders.sendJson(new Order(-1));
            ZmqDeadLetter refused = ZmqDeadLetter.decode(deadLetterService.expectMessage().frames());
            assertThat(refused.exception()).isEqualTo(IllegalArgumentException.class.getName());
            assertThat(refused.exceptionMessage()).isEqualTo("quantity -1");
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(context.getBean(JsonOrders.class).calls.get()).isEqualTo(1);
        });
    }

    @Test
    void aDeadLetterStreamThatCannotTakeALetterCountsItAndHoldsUpNothing() {
        runner().withUserConfiguration(AlwaysFailsToAFullStream.class, Healthy.class)
                .withPropertyValues("zmq.streams.nowhere.type=push", "zmq.streams.nowhere.connect=tcp://127.0.0.1:9",
                        "zmq.streams.nowhere.immediate=true", "zmq.streams.nowhere.send-queue.capacity=1",
                        "zmq.streams.nowhere.send-queue.overflow-policy=block",
                        "zmq.streams.healthy.type=pull", "zmq.streams.healthy.bind=inproc://healthy")
                .run(context -> {
                    ZmqTestPeer orders = ZmqApplicationPeers.of(context).peer("orders");
                    for (int i = 0; i < 5; i++) {
                        orders.sendString("order " + i);
                    }
                    ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class).getListener("toNowhere");
                    await().atMost(TIMEOUT).until(() -> endpoint.getFailureCount() == 5);
                    ZmqApplicationPeers.of(context).peer("healthy").sendString("served");

                    await().atMost(TIMEOUT).until(() -> context.getBean(Healthy.class).received.get() == 1);
                    assertThat(context.getBean("nowhere", ZMQStream.class).getStatistics().getQueueDepth()).isEqualTo(1);
                    await().atMost(TIMEOUT).until(() -> endpoint.getRefusedDeadLetterCount() == 4);
                    assertThat(context.getBean(MeterRegistry.class).get("zmq.listener.dead.letters").tag("outcome", "refused")
                            .counter().count()).isEqualTo(4);
                });
    }

    @Test
    void stoppingAListenerFailsTheMessageWaitingForItsNextAttemptForGoodAtOnce() {
        runner().withUserConfiguration(RetriesLate.class).run(context -> {
            ZmqTestPeer deadLetterService = ZmqApplicationPeers.of(context).peer("dead-letters");
            ZmqApplicationPeers.of(context).peer("orders").sendString("order 3");
            RetriesLate listener = context.getBean(RetriesLate.class);
            await().atMost(TIMEOUT).until(() -> listener.calls.get() == 1);

            long stopping = System.nanoTime();
            context.getBean(ZmqListenerEndpointRegistry.class).stop("retriesLate");

            ZmqDeadLetter letter = ZmqDeadLetter.decode(deadLetterService.expectMessage().frames());
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
            assertThat(letter.attempts()).isEqualTo(1);
            assertThat(listener.calls.get()).isEqualTo(1);
            assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListener("retriesLate").getFailureCount())
                    .isEqualTo(1);
        });
    }

    @Test
    void retrySettingsThatCannotWorkFailStartUpNamingTheListener() {
        runner().withUserConfiguration(NoAttempts.class).run(context -> assertThat(startupFailure(context))
                .hasMessageContaining("NoAttempts.handle")
                .hasMessageContaining("maxAttempts (or zmq.streams.orders.listener.retry.max-attempts) is 0"));
        runner().withUserConfiguration(DeadLettersToAPull.class).withPropertyValues(boundStream("orders-in", "pull"))
                .run(context -> assertThat(startupFailure(context)).hasMessageContaining("DeadLettersToAPull.handle")
                        .hasMessageContaining("its dead-letter stream 'orders-in' is a PULL"));
    }

    private static Throwable startupFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
    }

    /** Fails on its first two calls, then handles the message. */
    @Configuration(proxyBeanMethods = false)
    static class FailsTwice {

        final List<Long> attempts = new CopyOnWriteArrayList<>();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @ZmqListener(value = "orders", id = "failsTwice", retry = @ZmqRetry(maxAttempts = "3", delay = "200ms",
                multiplier = "2"))
        void handle(String order) {
            attempts.add(System.nanoTime());
            if (attempts.size() <= 2) {
                throw new IllegalStateException("not yet");
            }
            handled.add(order);
        }
    }

    /** Fails on every call, with a message of two lines. */
    @Configuration(proxyBeanMethods = false)
    static class AlwaysFails {

        final AtomicInteger calls = new AtomicInteger();

        @ZmqListener(value = "orders", id = "alwaysFails", retry = @ZmqRetry(maxAttempts = "3", delay = "10ms"),
                deadLetter = "dead-letters")
        void handle(String order) {
            calls.incrementAndGet();
            throw new IllegalStateException("no stock\nfor " + order);
        }
    }

    /** On the loop thread, fails on its first call of "a" only. */
    @Configuration(proxyBeanMethods = false)
    static class FailsFirstTimeOnTheLoop {

        final Queue<String> calls = new ConcurrentLinkedQueue<>();
        final Queue<String> handled = new ConcurrentLinkedQueue<>();

        @ZmqListener(value = "orders", retry = @ZmqRetry(maxAttempts = "2", delay = "300ms"))
        void handle(String order) {
            calls.add(order);
            if (order.equals("a") && calls.size() == 1) {
                throw new IllegalStateException("a fails once");
            }
            handled.add(order);
        }
    }

    /** On an executor, fails on its first call of "a" only. */
    @Configuration(proxyBeanMethods = false)
    static class FailsFirstTimeOnAnExecutor {

        final AtomicInteger callsOfA = new AtomicInteger();
        final Queue<String> handled = new ConcurrentLinkedQueue<>();

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService workers() {
            return Executors.newFixedThreadPool(2);
        }

        @ZmqListener(value = "orders", executor = "workers", retry = @ZmqRetry(maxAttempts = "2", delay = "500ms"))
        void handle(String order) {
            if (order.equals("a") && callsOfA.incrementAndGet() == 1) {
                throw new IllegalStateException("a fails once");
            }
            handled.add(order);
        }
    }

    /** Returns a stage that fails the first time, then one that succeeds. */
    @Configuration(proxyBeanMethods = false)
    static class StageFailsOnce {

        final AtomicInteger calls = new AtomicInteger();
        final List<String> handled = new CopyOnWriteArrayList<>();

        @ZmqListener(value = "orders", id = "stageFailsOnce", retry = @ZmqRetry(maxAttempts = "2", delay = "20ms"))
        CompletableFuture<Void> handle(String order) {
            if (calls.incrementAndGet() == 1) {
                return CompletableFuture.failedFuture(new IllegalStateException("not yet"));
            }
            handled.add(order);
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Fails on every call, and says nothing of retries: its stream's settings apply. */
    @Configuration(proxyBeanMethods = false)
    static class PlainFailing {

        final AtomicInteger calls = new AtomicInteger();

        @ZmqListener("orders")
        void handle(String order) {
            calls.incrementAndGet();
            throw new UnsupportedOperationException("never");
        }
    }

    /** An order, as JSON. */
    record Order(int quantity) {
    }

    /** Takes JSON orders, refusing a negative quantity, which is not worth a retry. */
    @Configuration(proxyBeanMethods = false)
    static class JsonOrders {

        final AtomicInteger calls = new AtomicInteger();

        @ZmqListener(value = "orders", retry = @ZmqRetry(maxAttempts = "5", delay = "10ms",
                noRetryOn = IllegalArgumentException.class), deadLetter = "dead-letters")
        void handle(Order order) {
            calls.incrementAndGet();
            throw new IllegalArgumentException("quantity " + order.quantity());
        }
    }

    /** Fails on every call; its dead-letter stream has no peer (nor a queue in ZeroMQ for one) and room for one message. */
    @Configuration(proxyBeanMethods = false)
    static class AlwaysFailsToAFullStream {

        @ZmqListener(value = "orders", id = "toNowhere", deadLetter = "nowhere")
        void handle(String order) {
            throw new IllegalStateException("failed " + order);
        }
    }

    /** Counts what another stream receives. */
    @Configuration(proxyBeanMethods = false)
    static class Healthy {

        final AtomicInteger received = new AtomicInteger();

        @ZmqListener("healthy")
        void handle(String message) {
            received.incrementAndGet();
        }
    }

    /** Fails, and would try again only a minute later. */
    @Configuration(proxyBeanMethods = false)
    static class RetriesLate {

        final AtomicInteger calls = new AtomicInteger();

        @ZmqListener(value = "orders", id = "retriesLate", deadLetter = "dead-letters",
                retry = @ZmqRetry(maxAttempts = "2", delay = "60s", maxDelay = "60s"))
        void handle(String order) {
            calls.incrementAndGet();
            throw new IllegalStateException("later");
        }
    }

    /** Asks for no attempt at all. */
    @Configuration(proxyBeanMethods = false)
    static class NoAttempts {

        @ZmqListener(value = "orders", retry = @ZmqRetry(maxAttempts = "0"))
        void handle(String order) {
        }
    }

    /** Names a stream that cannot send as its dead-letter stream. */
    @Configuration(proxyBeanMethods = false)
    static class DeadLettersToAPull {

        @ZmqListener(value = "orders", deadLetter = "orders-in")
        void handle(String order) {
        }
    }
}
