package io.zmqstream.interop;

import java.util.concurrent.atomic.AtomicInteger;

import io.zmqstream.ZMQStream;
import io.zmqstream.autoconfigure.TestPeers;
import io.zmqstream.listener.ZmqListener;
import io.zmqstream.listener.ZmqRetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

import static io.zmqstream.autoconfigure.TestPeers.boundEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dead letters to a pyzmq service that reads them by the README's description alone: pyzmq pushes
 * orders to a listener that always fails; after its retries each order reaches the pyzmq service
 * once, behind the frame that says why.
 */
@PyzmqInterop
@Timeout(60)
class DeadLetterInteropTest {

    @Test
    void aPyzmqDeadLetterServiceReadsWhyEachOrderFailedAndTheOrderItself() {
        TestPeers.runner().withUserConfiguration(FailingOrders.class)
                .withPropertyValues("zmq.streams.orders.type=pull", "zmq.streams.orders.bind=tcp://127.0.0.1:*",
                        "zmq.streams.dead-letters.type=push", "zmq.streams.dead-letters.bind=tcp://127.0.0.1:*")
                .run(context -> {
                    String orders = boundEndpoint(context.getBean("orders", ZMQStream.class));
                    String letters = boundEndpoint(context.getBean("dead-letters", ZMQStream.class));
                    try (PyzmqPeer pyzmq = PyzmqPeer.start("dead_letter_service.py", "--orders", orders, "--letters",
                            letters, "--count", "3")) {
                        JsonNode found = pyzmq.result().get("letters");

                        assertThat(found).hasSize(3);
                        for (int n = 0; n < 3; n++) {
                            JsonNode letter = found.get(n);
                            assertThat(letter.get("format").asBoolean()).isTrue();
                            JsonNode fields = letter.get("fields");
                            assertThat(fields.get("listener").asString()).isEqualTo("failingOrders");
                            assertThat(fields.get("stream").asString()).isEqualTo("orders");
                            assertThat(fields.get("exception").asString()).isEqualTo(IllegalStateException.class.getName());
                            assertThat(fields.get("message").asString()).isEqualTo("out of stock: order-" + n);
                            assertThat(fields.get("attempts").asString()).isEqualTo("2");
                            assertThat(fields.get("time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
                            assertThat(letter.get("frames")).hasSize(1);
                            assertThat(letter.get("frames").get(0).asString()).isEqualTo("order-" + n);
                        }
                        assertThat(context.getBean(FailingOrders.class).calls.get()).isEqualTo(6);
                    }
                });
    }

    /** Fails on every order, twice each. */
    @Configuration(proxyBeanMethods = false)
    static class FailingOrders {

        final AtomicInteger calls = new AtomicInteger();

        @ZmqListener(value = "orders", id = "failingOrders", deadLetter = "dead-letters",
                retry = @ZmqRetry(maxAttempts = "2", delay = "20ms"))
        void handle(String order) {
            calls.incrementAndGet();
            throw new IllegalStateException("out of stock: " + order);
        }
    }
}
