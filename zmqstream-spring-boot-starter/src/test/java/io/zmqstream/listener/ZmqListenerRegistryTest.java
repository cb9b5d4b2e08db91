package io.zmqstream.listener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.PeerSockets;
import io.zmqstream.ZMQStream;
import io.zmqstream.ZmqIoLoop;
import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/** The registry lists, pauses, resumes, stops and starts listeners; failures and slow work stay contained. */
class ZmqListenerRegistryTest {

    @Test
    void theRegistryListsEveryListenerWithItsIdAndStream() {
        runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("orders.stream=orders").run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);

                    assertThat(registry.getListenerIds()).containsExactly("orders");
                    ZmqListenerEndpoint endpoint = registry.getListener("orders");
                    assertThat(endpoint.getStreamName()).isEqualTo("orders");
                    assertThat(endpoint.getStream()).isSameAs(context.getBean("orders", ZMQStream.class));
                    assertThat(endpoint.getMethod().getName()).isEqualTo("receive");
                    assertThat(endpoint.isRunning()).isTrue();
                    assertThat(endpoint.isReceiving()).isTrue();
                    assertThat(registry.getListeners()).containsExactly(endpoint);
                    assertThatIllegalArgumentException().isThrownBy(() -> registry.pause("nope"))
                            .withMessageContaining("No @ZmqListener has id 'nope'").withMessageContaining("[orders]");
                });
    }

    @Test
    void messagesSentWhilePausedWaitInZeroMqsQueueAndAllArriveAfterResume() {
        runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("orders.stream=orders").run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    Orders orders = context.getBean(Orders.class);
                    ZMQStream stream = context.getBean("orders", ZMQStream.class);
                    ZmqTestPeer push = ZmqApplicationPeers.of(context).peer("orders");
                    push.sendString("before");
                    assertThat(orders.calls.next()).isEqualTo("before");

                    registry.pause("orders");
                    assertThat(registry.getListener("orders").isPaused()).isTrue();
                    assertThat(stream.isReceiving()).isFalse();
                    for (int i = 0; i < 500; i++) {
                        push.sendString("paused " + i);
                    }
                    await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> orders.calls.size() == 0);
                    assertThat(stream.getStatistics().getMessagesReceived()).isEqualTo(1);

                    registry.resume("orders");
                    for (int i = 0; i < 500; i++) {
                        assertThat(orders.calls.next()).isEqualTo("paused " + i);
                    }
                    assertThat(stream.getStatistics().getMessagesReceived()).isEqualTo(501);
                });
    }

    @Test
    void aListenerThatDoesNotStartAutomaticallyReceivesOnceStartedAndStopsWhenStopped() {
        runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("orders.stream=orders", "orders.auto-startup=false").run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    Orders orders = context.getBean(Orders.class);
                    ZmqTestPeer push = ZmqApplicationPeers.of(context).peer("orders");
                    ZmqListenerEndpoint endpoint = registry.getListener("orders");
                    assertThat(endpoint.isAutoStartup()).isFalse();
                    assertThat(endpoint.isRunning()).isFalse();
                    push.sendString("waits");
                    await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> orders.calls.size() == 0);

                    registry.start("orders");
                    assertThat(orders.calls.next()).isEqualTo("waits");
                    registry.stop("orders");
                    assertThat(endpoint.isReceiving()).isFalse();
                    push.sendString("after stop");
                    await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> orders.calls.size() == 0);
                    registry.start("orders");
                    assertThat(orders.calls.next()).isEqualTo("after stop");
                });
    }

    @Test
    void resumingAListenerThatIsNotStartedFailsWithTheReasonAndOnePausedBeforeItsStartWaitsForItsResume() {
        runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("orders.stream=orders", "orders.auto-startup=false").run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    Orders orders = context.getBean(Orders.class);
                    assertThatIllegalStateException().isThrownBy(() -> registry.resume("orders")).withMessage(
                            "ZmqListenerEndpoint[orders on orders] cannot resume: it is not started, as its autoStartup "
                                    + "is false; start() it first");
                    assertThat(registry.getListener("orders").isRunning()).isFalse();

                    registry.pause("orders");
                    registry.start("orders");
                    ZmqApplicationPeers.of(context).peer("orders").sendString("waits");
                    await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> orders.calls.size() == 0);
                    registry.resume("orders");
                    assertThat(orders.calls.next()).isEqualTo("waits");

                    ZMQStream stream = context.getBean("orders", ZMQStream.class);
                    stream.close();
                    await().atMost(TIMEOUT).until(stream::isClosed);
                    registry.stop("orders");
                    assertThatIllegalStateException().isThrownBy(() -> registry.start("orders"))
                            .withMessage("ZmqListenerEndpoint[orders on orders] cannot start: stream 'orders' is closed");
                });
    }

    @Test
    void aListenerPausedFromTheLoopThreadTakesNoFurtherMessageAndAnotherListenerResumesIt() {
        runner().withUserConfiguration(Gate.class).withPropertyValues(boundStream("jobs", "pull"))
                .withPropertyValues(boundStream("tokens", "pull")).run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    Gate gate = context.getBean(Gate.class);
                    registry.pause("jobs");
                    ZmqTestPeer jobs = ZmqApplicationPeers.of(context).peer("jobs");
                    for (int i = 1; i <= 3; i++) {
                        jobs.sendString("job " + i);
                    }
                    ZmqTestPeer tokens = ZmqApplicationPeers.of(context).peer("tokens");

                    // Each token lets exactly one job in, though all three wait in the socket's queue.
                    tokens.sendString("token");
                    assertThat(gate.jobs.next()).isEqualTo("job 1");
                    await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> gate.jobs.size() == 0);
                    tokens.sendString("token");
                    assertThat(gate.jobs.next()).isEqualTo("job 2");
                    await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> gate.jobs.size() == 0);
                    assertThat(registry.getListener("jobs").isPaused()).isTrue();
                    assertThat(gate.loopThreadOnly).as("every switch was made on the loop thread").isTrue();
                });
    }

    @Test
    void aPausedListenerStaysPausedWhenTheApplicationStopsAndStartsIt() {
        runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                .withPropertyValues("orders.stream=orders").run(context -> {
                    ZmqListenerEndpointRegistry registry = context.getBean(ZmqListenerEndpointRegistry.class);
                    registry.pause("orders");

                    registry.stop();
                    registry.start();

                    assertThat(registry.getListener("orders").isRunning()).isTrue();
                    assertThat(registry.getListener("orders").isReceiving()).isFalse();
                    registry.resume("orders");
                    assertThat(registry.getListener("orders").isReceiving()).isTrue();
                });
    }

    @Test
    void theApplicationStopsAndStartsAgainKeepingItsSocketsAndWhatWaitedMeanwhile() {
        // A peer of its own context, so that it outlives the application's.
        try (PeerSockets peers = new PeerSockets()) {
            ZMQ.Socket results = peers.socket(SocketType.PULL);
            int port = results.bindToRandomPort("tcp://127.0.0.1");
            runner().withUserConfiguration(Orders.class).withPropertyValues(boundStream("orders", "pull"))
                    .withPropertyValues("orders.stream=orders", "zmq.streams.results.type=push",
                            "zmq.streams.results.connect=tcp://127.0.0.1:" + port, "zmq.streams.results.linger=10s")
                    .run(context -> {
                        Orders orders = context.getBean(Orders.class);
                        ZMQStream ordersStream = context.getBean("orders", ZMQStream.class);
                        ZMQStream resultsStream = context.getBean("results", ZMQStream.class);
                        ZmqTestPeer push = ZmqApplicationPeers.of(context).peer("orders");
                        push.sendString("before");
                        assertThat(orders.calls.next()).isEqualTo("before");

                        context.stop();
                        await().atMost(TIMEOUT).until(() -> !context.getBean(ZmqIoLoop.class).isRunning());
                        assertThat(ordersStream.isClosed()).isFalse();
                        for (int i = 0; i < 100; i++) {
                            push.sendString("while stopped " + i);
                        }
                        resultsStream.sendString("queued while stopped");
                        await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> orders.calls.size() == 0);

                        context.start();
                        for (int i = 0; i < 100; i++) {
                            assertThat(orders.calls.next()).isEqualTo("while stopped " + i);
                        }
                        assertThat(results.recvStr()).isEqualTo("queued while stopped");

                        context.stop();
                        resultsStream.sendString("queued before the close");
                    });
            // The runner closed the context while it was stopped: what was queued still left.
            assertThat(results.recvStr()).isEqualTo("queued before the close");
        }
    }

    @Test
    void badJsonGoesToTheErrorHandlerWithTheRawFramesIsCountedAndTheNextMessageIsProcessed() {
        runner().withUserConfiguration(Prices.class).withPropertyValues(boundStream("prices", "pull"))
                .run(context -> {
                    Prices prices = context.getBean(Prices.class);
                    ZmqTestPeer push = ZmqApplicationPeers.of(context).peer("prices");

                    push.sendString("EURUSD", "{not json");
                    push.sendString("EURUSD", "{\"bid\":1.05,\"ask\":1.06}");

                    assertThat(prices.calls.next()).isEqualTo(new Quote(1.05, 1.06));
                    assertThat(prices.failures).hasSize(1);
                    ZmqListenerException failure = prices.failures.get(0);
                    assertThat(failure).isInstanceOf(ZmqMessageConversionException.class)
                            .hasMessageContaining("prices").hasMessageContaining("argument 0");
                    assertThat(failure.getListenerId()).isEqualTo("prices");
                    assertThat(failure.getStreamName()).isEqualTo("prices");
                    assertThat(ZmqListenerArgumentsTest.texts(prices.failedMessages.get(0).getFrames()))
                            .containsExactly("EURUSD", "{not json");
                    ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class).getListener("prices");
                    assertThat(endpoint.getConversionFailureCount()).isEqualTo(1);
                    assertThat(endpoint.getFailureCount()).isEqualTo(1);
                    assertThat(context.getBean("prices", ZMQStream.class).getStatistics().getCallbackErrors()).isZero();
                });
    }

    @Test
    void anApplicationErrorHandlerBeanReplacesTheDefault() {
        runner().withUserConfiguration(Orders.class, CountingErrorHandler.class)
                .withPropertyValues(boundStream("orders", "pull")).withPropertyValues("orders.stream=orders")
                .run(context -> {
                    ZmqApplicationPeers.of(context).peer("orders").sendString("explode");

                    await().atMost(TIMEOUT).until(() -> context.getBean(CountingErrorHandler.class).handled.get() == 1);
                    assertThat(context.getBean(ZmqListenerEndpointRegistry.class).getListener("orders").getFailureCount())
                            .isEqualTo(1);
                });
    }

    @Test
    void aSlowListenerOnAnExecutorDoesNotHoldUpTheLoop() {
        runner().withUserConfiguration(SlowAndFast.class)
                .withPropertyValues(boundStream("slow", "router"))
                .withPropertyValues(boundStream("fast", "pull")).run(context -> {
                    SlowAndFast listeners = context.getBean(SlowAndFast.class);
                    ZmqTestPeer client = ZmqApplicationPeers.of(context).peer("slow", SocketType.DEALER, "client");
                    ZmqTestPeer fast = ZmqApplicationPeers.of(context).peer("fast");
                    for (int i = 0; i < 3; i++) {
                        client.sendString("slow " + i);
                    }
                    await().atMost(TIMEOUT).until(() -> listeners.slowStarted.size() == 2);

                    // Both executor threads are blocked and the in-flight limit holds the third request back,
                    // while the stream on the same loop goes on.
                    for (int i = 0; i < 100; i++) {
                        fast.sendString("fast " + i);
                    }
                    await().atMost(TIMEOUT).until(() -> listeners.fastReceived.get() == 100);
                    assertThat(listeners.slowStarted).hasSize(2)
                            .allSatisfy(thread -> assertThat(thread).startsWith("slow-worker"));

                    listeners.release.countDown();
                    List<String> replies = List.of(client.expectMessage().text(0), client.expectMessage().text(0),
                            client.expectMessage().text(0));
                    assertThat(replies).containsExactlyInAnyOrder("done slow 0", "done slow 1", "done slow 2");
                });
    }

    @Test
    void closingTheApplicationWaitsForMessagesInProgressAndSendsTheirReplies() {
        try (PeerSockets peers = new PeerSockets()) {
            runner().withUserConfiguration(SlowAndFast.class)
                    .withPropertyValues("zmq.streams.slow.type=router", "zmq.streams.slow.bind=tcp://127.0.0.1:*")
                    .withPropertyValues(boundStream("fast", "pull")).run(context -> {
                        SlowAndFast listeners = context.getBean(SlowAndFast.class);
                        // A peer of its own context, so that it outlives the application's.
                        ZMQ.Socket client = peers.socket(SocketType.DEALER);
                        client.connect(PeerSockets.boundEndpoint(context.getBean("slow", ZMQStream.class)));
                        client.send("last words");
                        await().atMost(TIMEOUT).until(() -> listeners.slowStarted.size() == 1);

                        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
                        await().atMost(TIMEOUT).until(() -> !context.getBean(ZmqListenerEndpointRegistry.class).isRunning());
                        await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> !closing.isDone());

                        listeners.release.countDown();
                        assertThat(client.recvStr()).isEqualTo("done last words");
                        closing.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    });
        }
    }

    record Quote(double bid, double ask) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Orders {

        final ListenerContexts.Calls<String> calls = new ListenerContexts.Calls<>();

        @ZmqListener(value = "${orders.stream}", id = "orders", autoStartup = "${orders.auto-startup:true}")
        void receive(String order) {
            if (order.equals("explode")) {
                throw new IllegalStateException("exploded");
            }
            calls.add(order);
        }
    }

    /** Takes one job per token: the jobs listener pauses itself, the tokens listener resumes it. */
    @Configuration(proxyBeanMethods = false)
    static class Gate {

        final ListenerContexts.Calls<String> jobs = new ListenerContexts.Calls<>();
        volatile boolean loopThreadOnly = true;
        private final ZmqListenerEndpointRegistry registry;

        Gate(ZmqListenerEndpointRegistry registry) {
            this.registry = registry;
        }

        @ZmqListener(value = "jobs", id = "jobs")
        void job(String job) {
            registry.pause("jobs");
            onLoopThread();
            jobs.add(job);
        }

        @ZmqListener(value = "tokens", id = "tokens")
        void token(String token) {
            onLoopThread();
            registry.resume("jobs");
        }

        private void onLoopThread() {
            if (!Thread.currentThread().getName().equals(ZmqIoLoop.DEFAULT_THREAD_NAME)) {
                loopThreadOnly = false;
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Prices {

        final ListenerContexts.Calls<Quote> calls = new ListenerContexts.Calls<>();
        final List<ZmqListenerException> failures = new CopyOnWriteArrayList<>();
        final List<ZmqListenerMessage> failedMessages = new CopyOnWriteArrayList<>();

        @Bean
        ZmqListenerErrorHandler recordingHandler() {
            return (message, exception) -> {
                failedMessages.add(message);
                failures.add(exception);
                return null;
            };
        }

        @ZmqListener(value = "prices", id = "prices", errorHandler = "recordingHandler")
        void receive(Quote quote) {
            calls.add(quote);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountingErrorHandler implements ZmqListenerErrorHandler {

        final AtomicInteger handled = new AtomicInteger();

        @Override
        public Object handleError(ZmqListenerMessage message, ZmqListenerException exception) {
            handled.incrementAndGet();
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SlowAndFast {

        final List<String> slowStarted = new CopyOnWriteArrayList<>();
        final AtomicInteger fastReceived = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService slowWorkers() {
            AtomicInteger threads = new AtomicInteger();
            return Executors.newFixedThreadPool(3, task -> new Thread(task, "slow-worker-" + threads.incrementAndGet()));
        }

        @ZmqListener(value = "slow", executor = "slowWorkers", maxInFlight = 2)
        String slow(String request) throws InterruptedException {
            slowStarted.add(Thread.currentThread().getName());
            if (!release.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("never released");
            }
            return "done " + request;
        }

        @ZmqListener("fast")
        void fast(String message) {
            fastReceived.incrementAndGet();
        }
    }
}
