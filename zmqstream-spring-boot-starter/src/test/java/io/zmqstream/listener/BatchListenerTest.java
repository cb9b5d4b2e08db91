package io.zmqstream.listener;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.zmqstream.test.ZmqTestPeer;
import io.zmqstream.test.ZmqTestPeers;
import io.zmqstream.test.context.ZmqApplicationPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import org.zeromq.SocketType;

import static io.zmqstream.listener.ListenerContexts.TIMEOUT;
import static io.zmqstream.listener.ListenerContexts.boundStream;
import static io.zmqstream.listener.ListenerContexts.runner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch listeners: what one turn of the loop read, up to the batch size, in one call; JSON elements
 * with a bad one left out and counted; a ROUTER's replies a message each; the settings that cannot work.
 */
@Timeout(60)
class BatchListenerTest {

    @Test
    void messagesWaitingWhenTheListenerStartsComeInBatchesOfAtMostTheSizeInOrder() {
        runner().withUserConfiguration(Batches.class).withPropertyValues(boundStream("events", "pull")).run(context -> {
            ZmqTestPeer events = ZmqApplicationPeers.of(context).peer("events");
            for (int i = 0; i < 1_000; i++) {
                events.sendString("event " + i);
            }
            context.getBean(ZmqListenerEndpointRegistry.class).start("batches");
            Batches listener = context.getBean(Batches.class);

            await().atMost(TIMEOUT).until(() -> listener.received().size() == 1_000);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                expected.add("event " + i);
            }
            assertThat(listener.received()).isEqualTo(expected);
            assertThat(listener.batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 100));
            assertThat(listener.batches.stream().mapToInt(List::size).max().getAsInt()).isEqualTo(100);
        });
    }

    @Test
    void aJsonBatchLeavesOutTheMessageThatIsNoJsonAndCountsIt() {
        runner().withUserConfiguration(JsonBatches.class).withPropertyValues(boundStream("orders", "pull")).run(context -> {
            ZmqTestPeer orders = ZmqApplicationPeers.of(context).peer("orders");
            orders.sendJson(new Order(1)).sendString("not json").sendJson(new Order(2));
            context.getBean(ZmqListenerEndpointRegistry.class).start("jsonBatches");
            JsonBatches listener = context.getBean(JsonBatches.class);

            await().atMost(TIMEOUT).until(() -> listener.orders.size() == 2);
            assertThat(listener.orders).containsExactly(new Order(1), new Order(2));
            ZmqListenerEndpoint endpoint = context.getBean(ZmqListenerEndpointRegistry.class).getListener("jsonBatches");
            assertThat(endpoint.getConversionFailureCount()).isEqualTo(1);
            assertThat(endpoint.getFailureCount()).isEqualTo(1);
        });
    }

    @Test
    void aRouterBatchListenersRepliesGoEachToThePeerThatAsked() {
        runner().withUserConfiguration(RouterBatches.class)
                .withPropertyValues("zmq.streams.api.type=router", "zmq.streams.api.bind=inproc://api").run(context -> {
                    ZmqTestPeers peers = ZmqApplicationPeers.of(context);
                    List<ZmqTestPeer> dealers = new ArrayList<>();
                    for (int p = 0; p < 20; p++) {
                        dealers.add(peers.peer("api", SocketType.DEALER, "peer-" + p).sendString("question " + p));
                    }
                    context.getBean(ZmqListenerEndpointRegistry.class).start("routerBatches");

                    for (int p = 0; p < 20; p++) {
                        assertThat(dealers.get(p).expectMessage().text(0)).isEqualTo("answer to question " + p);
                    }
                    assertThat(context.getBean(RouterBatches.class).calls.size()).isLessThan(20);
                });
    }

    @Test
    void aBatchOnARepStreamWithRetriesOrWithAnotherParameterFailsStartUp() {
        runner().withUserConfiguration(RepBatch.class).withPropertyValues(boundStream("api", "rep")).run(context -> assertThat(context)
                .hasFailed().getFailure().hasStackTraceContaining("it is a batch listener on REP stream 'api'"));
        runner().withUserConfiguration(RetryingBatch.class).withPropertyValues(boundStream("events", "pull"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("it is a batch listener with retries"));
        runner().withUserConfiguration(TwoParameterBatch.class).withPropertyValues(boundStream("events", "pull"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("it is a batch listener, which takes one List parameter"));
    }

    /** Notes each batch of events. */
    @Configuration(proxyBeanMethods = false)
    static class Batches {

        final Queue<List<String>> batches = new ConcurrentLinkedQueue<>();

        @ZmqListener(value = "events", id = "batches", batch = "100", autoStartup = "false")
        void handle(List<String> events) {
            batches.add(List.copyOf(events));
        }

        List<String> received() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    /** An order, as JSON. */
    record Order(int id) {
    }

    /** Takes orders from JSON in batches. */
    @Configuration(proxyBeanMethods = false)
    static class JsonBatches {

        final Queue<Order> orders = new ConcurrentLinkedQueue<>();

        @ZmqListener(value = "orders", id = "jsonBatches", batch = "10", autoStartup = "false")
        void handle(List<Order> batch) {
            orders.addAll(batch);
        }
    }

    /** Answers a ROUTER's questions a batch at a time. */
    @Configuration(proxyBeanMethods = false)
    static class RouterBatches {

        final Queue<Integer> calls = new ConcurrentLinkedQueue<>();

        @ZmqListener(value = "api", id = "routerBatches", batch = "50", autoStartup = "false")
        List<String> answer(List<String> questions) {
            calls.add(questions.size());
            return questions.stream().map(question -> "answer to " + question).toList();
        }
    }

    /** A batch on a REP. */
    @Configuration(proxyBeanMethods = false)
    static class RepBatch {

        @ZmqListener(value = "api", batch = "10")
        List<String> answer(List<String> questions) {
            return questions;
        }
    }

    /** A batch with retries. */
    @Configuration(proxyBeanMethods = false)
    static class RetryingBatch {

        @ZmqListener(value = "events", batch = "10", retry = @ZmqRetry(maxAttempts = "3"))
        void handle(List<String> events) {
        }
    }

    /** A batch with a second parameter. */
    @Configuration(proxyBeanMethods = false)
    static class TwoParameterBatch {

        @ZmqListener(value = "events", batch = "10")
        void handle(List<String> events, String more) {
        }
    }
}
